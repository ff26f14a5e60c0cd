package check

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestClosingAndSignature: a sign-off that is in no list is still found by
// its shape, a signature by its name, and a team is not a person.
func TestClosingAndSignature(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	answer := "Your new card is on its way and should arrive by Thursday. I have also cancelled the old one, so nobody can use it.\n\n"
	cases := []struct {
		name, lang, body string
		want             []string // of closing-missing and signature-missing
	}{
		{"a thank-you as sign-off", "en", "Hi Tom,\n\n" + answer + "Thanks for learning with us,\n\nTom Fletcher\nStudent Support, Learnly\nhelp@learnly.com\n", nil},
		{"an exclamation, no blank line", "af", "Hallo Petrus,\n\nU nuwe kaart is op pad en behoort Donderdag by u te wees. Ons het die ou kaart gekanselleer.\n\nLekker dag verder!\nChané Botha\nKliëntediens, Sportkas\n", nil},
		{"a French wish", "fr", "Bonjour Julien,\n\nVotre nouvelle carte est en route et arrivera jeudi. J'ai aussi annulé l'ancienne carte.\n\nAu plaisir de vous accueillir,\n\nVincent Bélanger\nRéception, Hôtel du Vieux-Port\n", nil},
		{"a Chinese wish after thanks", "zh", "张先生，您好：\n\n您的新卡已经寄出，预计周四送达。旧卡已经注销。\n\n感谢您对乐购商城的支持，祝您生活愉快！\n\n王晓雨\n乐购商城 客服部\n", nil},
		{"a Chinese wish, unsigned", "zh", "张先生，您好：\n\n您的新卡已经寄出，预计周四送达。旧卡已经注销，任何人都无法再使用。如果周五还没有收到，请直接回复本邮件，我们会在当天为您查询物流信息，并告诉您新的送达时间。\n\n祝您旅途愉快！\n", []string{"signature-missing"}},
		{"no closing, signed", "en", "Hi Tom,\n\n" + answer + "Thandeka Mokoena\nClaims, Example Insurance\nclaims@example.com\n", []string{"closing-missing"}},
		{"no closing, unsigned", "en", "Hi Tom,\n\n" + answer + "Call me on 020 555 0101.\n", []string{"closing-missing", "signature-missing"}},
		{"signed by a team", "nl", "Beste Fleur,\n\nUw nieuwe pas is onderweg en komt donderdag aan. De oude pas hebben wij geblokkeerd.\n\nMet vriendelijke groet,\nTeam Vakwijs\n", []string{"signature-missing"}},
		{"a name and a team", "nl", "Beste Fleur,\n\nUw nieuwe pas is onderweg en komt donderdag aan. De oude pas hebben wij geblokkeerd.\n\nMet vriendelijke groet,\nAnna de Vries\nTeam Vakwijs\n", nil},
		{"a sign-off ending in a listed one, no comma", "af", "Hallo Petrus,\n\nU nuwe kaart is op pad en behoort Donderdag by u te wees. Ons het die ou kaart gekanselleer.\n\nMet dank en vriendelike groete\n\nElmarie Swanepoel\nFondsinsameling en Skenkersorg\n", nil},
		{"a name, then the team after a comma", "fr", "Bonjour Julien,\n\nVotre nouvelle carte est en route et arrivera jeudi. J'ai aussi annulé l'ancienne carte.\n\nMerci de votre fidélité,\n\nPauline, du service client Frais&Vite\n", nil},
		{"a long title and team line", "es", "Hola Rosa:\n\nTu nueva tarjeta está en camino y llegará el jueves. Ya hemos anulado la antigua.\n\n¡Buen viaje!\n\nIrene Castro\nOficina de Atención al Viajero – Consorcio de Transportes de Valladolid\n", nil},
		{"a phone line with opening hours", "fr", "Bonjour Julien,\n\nVotre nouvelle carte est en route et arrivera jeudi. J'ai aussi annulé l'ancienne carte.\n\nAu plaisir de vous aider à nouveau,\n\nJulien Mercier\nService clients Croqu'Nature\n09 70 81 42 66 (du lundi au vendredi, de 9 h à 18 h)\n", nil},
		{"a P.S. under the signature", "fr", "Bonjour Julien,\n\nVotre nouvelle carte est en route et arrivera jeudi. J'ai aussi annulé l'ancienne carte.\n\nMerci pour votre confiance,\n\nSophie Durand\nService client Imprimo\n\nP.S. J'ai aussi vérifié votre numéro de téléphone et votre SIRET au dos des cartes : ils sont corrects.\n", nil},
		{"a Chinese title and name", "zh", "张先生，您好：\n\n您的新卡已经寄出，预计周四送达。旧卡已经注销。\n\n期待您的回复。\n\n纠纷处理专员 周扬\n淘易品平台 消费者服务中心\n", nil},
		{"a sign-off and where it comes from", "af", "Goeiedag Hennie\n\nU nuwe kaart is op pad en behoort Donderdag by u te wees. Ons het die ou kaart gekanselleer.\n\nGroete uit Outjo\nAnna-Marie Kotzé\nBesprekings, Kameeldoring Lodge\n", nil},
		{"a formal French formula with the reader inside", "fr", "Chère Madame,\n\nVotre nouvelle carte est en route et arrivera jeudi. J'ai aussi annulé l'ancienne carte.\n\nJe vous prie d'agréer, chère Madame, l'expression de mes salutations respectueuses.\n\nSophie Guillou\nClerc de notaire\n", nil},
		{"a Chinese wish, then a word more", "zh", "小林，你好：\n\n你的课程已经顺延，八月第一周起可以插到周二晚上的平行班。\n\n祝出差顺利，八月课上见\n林老师（课程顾问）\n樱花日语 徐汇校区\n", nil},
		{"a Chinese look ahead", "zh", "吴女士您好，\n\n两张票已改到6月22日（周六），入馆时段仍是10:00–12:00。\n\n期待您和家人来看展。\n\n许晴\n观众服务中心\n", nil},
		{"a short Chinese wish without 祝", "zh", "你好，\n\n你的公路车修好了，一共65元。今晚9点前都可以来店里取车。\n\n骑行愉快\n老丁\n丁记单车工坊\n", nil},
		{"a P. D. with spaces under the signature", "es", "Hola Rosa:\n\nTu nueva tarjeta está en camino y llegará el jueves. Ya hemos anulado la antigua.\n\nUn saludo y nos vemos en clase,\n\nSergio Navarro\nSecretaría · Academia Kiel Idiomas\n\nP. D.: Los viernes a las 19:00 hay intercambio de conversación en la cafetería.\n", nil},
		{"an Afrikaans NS under the signature", "af", "Hallo Petrus,\n\nU nuwe kaart is op pad en behoort Donderdag by u te wees. Ons het die ou kaart gekanselleer.\n\nVeilige reis\nHendrik Swartz\nBesprekings, Kalahari Motorhuur\n\nNS: Die Hilux het twee noodwiele, want papwiele is algemeen op die gruis.\n", nil},
		{"a Chinese team, then a name", "zh", "张先生，您好：\n\n您的新卡已经寄出，预计周四送达。旧卡已经注销。\n\n感谢您的理解，祝您出行顺利。\n\n长三角城际铁路客服中心 刘佳\n", nil},
		{"a Chinese wish closing the last paragraph", "zh", "小雨你好：\n\n上课时间是 11 月 30 日 14:00—17:00，围裙和刀具我们都会准备好。\n\n周五晚上我会再发一条上课提醒给你。期待周六一起下厨！\n\n一勺厨房 · 课程顾问 阿May\n", nil},
		{"a French sign-off that goes on", "fr", "Bonjour Julien,\n\nVotre nouvelle carte est en route et arrivera jeudi. J'ai aussi annulé l'ancienne carte.\n\nAu plaisir de vous accueillir, et belle semaine sur les pistes.\n\nLaurent Michellod\nAlpin Location Verbier\n", nil},
		{"a long last sentence is no sign-off", "en", "Hi Tom,\n\n" + answer + "If anything else comes up, just reply to this email and I will pick it up tomorrow morning,\nTom Fletcher\n", []string{"closing-missing"}},
	}
	for _, tc := range cases {
		var got []string
		for _, f := range c.Run(Input{Body: tc.body, Lang: tc.lang}).Findings {
			if f.Rule == "closing-missing" || f.Rule == "signature-missing" {
				got = append(got, f.Rule)
			}
			if team := strings.Contains(tc.name, "by a team"); f.Rule == "signature-missing" && team != strings.Contains(f.Message, "team's") {
				t.Errorf("%s: message %q", tc.name, f.Message)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v\n%s", tc.name, got, tc.want, strings.TrimSpace(tc.body))
		}
	}
}

// TestSentenceLength: a phone number is one word to the reader, and French
// and Spanish get room for their articles.
func TestSentenceLength(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	long := func(lang, text string) bool { return fires(c, "sentence-too-long", lang, text) }
	// 27 words and a phone number of five groups.
	phone := "Si le SMS n'arrive pas dans les dix minutes, appelez-moi directement au 01 44 52 18 90 et nous finaliserons la connexion ensemble dans la journée de demain."
	if long("fr", phone) {
		t.Errorf("phone number counted group by group: %s", phone)
	}
	es := strings.Repeat("la tienda de la calle ", 6) + "abre hoy." // 32 words
	if long("es", es) {
		t.Errorf("32 Spanish words flagged")
	}
	if !long("en", strings.Repeat("the shop on the street ", 7)+"opens today.") {
		t.Errorf("37 English words not flagged")
	}
	if !long("es", strings.Repeat("la tienda de la calle ", 8)+"abre hoy.") {
		t.Errorf("42 Spanish words not flagged")
	}
	if long("es", strings.Repeat("la tienda de la calle ", 7)+"abre hoy.") {
		t.Errorf("37 Spanish words flagged")
	}
	// Two clauses of 13 and 22 words at a colon, and of 14 and 19 at a
	// semicolon, are read one at a time; 37 words after a colon are not.
	for _, s := range []string{
		"They made it easy to confirm that your VoltRide BX-500 battery is covered: you bought it on March 2, 2024, well within the two-year warranty, and the cell fault you're seeing is a known manufacturing issue.",
		"Jammer dat jou Termio T3 nog nie met die app wil koppel nie; dit is frustrerend as jy net wil hê die huis moet warm wees teen die tyd dat jy tuiskom.",
	} {
		if long("en", s) || long("af", s) {
			t.Errorf("clauses at a colon or semicolon counted as one: %s", s)
		}
	}
	if !long("en", "Good news: "+strings.Repeat("the shop on the street ", 7)+"opens today.") {
		t.Errorf("37 words after a colon not flagged")
	}
	// An aside in brackets is read apart: 26 words around an aside of 8,
	// and 56 characters around asides of 2 and 3. A long aside is still
	// long, and so is a long sentence around a short one.
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "Your refund of €45.90 (the full price, shipping and the gift wrap included) goes back to the card you paid with and should show on your statement within five working days.", false},
		{"zh", "另外，我们安排了售后工程师吴工在6月20日（周四）上午9点到10点之间上门，按国网标准把逆变器（型号 SG10RT-P2）的保护参数重新核对一遍，这次上门免费。", false},
		{"en", "Your refund goes back to the card (" + strings.Repeat("the shop on the street ", 7) + "included) today.", true},
		{"en", strings.Repeat("the shop on the street ", 7) + "(today) opens.", true},
		// A full-width semicolon is a pause too.
		{"zh", "您投保的家庭财产保险包含“水暖管爆裂”责任，厨房地板和橱柜的损失都在保障范围内；楼下邻居家天花板的损失，可以走您保单附加的第三者责任险，一起处理。", false},
		// Items under "·" or "1、" are a list, each item its own sentence.
		{"zh", "具体安排是这样的：\n· 停课时间：7月1日至7月31日，这期间的8节课全部顺延；\n· 8月第一周起，你可以插到周二、周四晚7点的平行班，进度和现在一致；\n· 出差期间想保持手感的话，线上录播课可以免费看，用现在的账号登录就行。", false},
		{"zh", "具体安排是这样的：\n1、停课时间：7月1日至7月31日，这期间的8节课全部顺延；\n2、8月第一周起，你可以插到周二、周四晚7点的平行班，进度和现在一致；\n3、出差期间想保持手感的话，线上录播课可以免费看，用现在的账号登录就行。", false},
	} {
		if long(tc.lang, tc.text) != tc.want {
			t.Errorf("%s: sentence-too-long %v, want %v", tc.text, !tc.want, tc.want)
		}
	}
}

// TestExclamationWish: a wish on its own line above the closing may end in
// an exclamation mark besides the one in the answer; a second one in the
// answer is still loud.
func TestExclamationWish(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	answer := "Thank you so much for your review of the course! I have fixed the subtitles of module 4, and they will be online from Friday.\n\n"
	count := func(body string) int {
		n := 0
		for _, f := range c.Run(Input{Body: body, Lang: "en"}).Findings {
			if f.Rule == "exclamation" {
				n++
			}
		}
		return n
	}
	if n := count("Hi Valentina,\n\n" + answer + "Good luck with the interview!\n\nBest,\nDiego Salinas\n"); n != 0 {
		t.Errorf("wish line: %d exclamation findings, want 0", n)
	}
	if n := count("Hi Valentina,\n\n" + strings.Replace(answer, "Friday.", "Friday!", 1) + "Best,\nDiego Salinas\n"); n != 1 {
		t.Errorf("two in the answer: %d exclamation findings, want 1", n)
	}
}

// TestChineseStepsAndRepeats: steps and doubled particles inside Chinese
// runs, and a placeholder in any language's words.
func TestChineseStepsAndRepeats(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	rules := func(lang, text string) []string {
		var out []string
		for _, f := range c.Run(Input{Body: text, Lang: lang, Fragment: true}).Findings {
			out = append(out, f.Rule)
		}
		return out
	}
	if got := rules("zh", "首先，登录网页版邮箱。然后点击“客户端授权”。接着生成一个新的授权码。最后在 Outlook 中替换密码。"); !slices.Contains(got, "steps-as-prose") {
		t.Errorf("Chinese steps as prose: %v", got)
	}
	if got := rules("zh", "把密码替换为新的的授权码。谢谢您的耐心，请看看附件。"); !slices.Equal(got, []string{"repeated-word"}) {
		t.Errorf("的的: %v, want one repeated-word (谢谢 and 看看 are words)", got)
	}
	if got := rules("es", "La referencia de su gestión es [número de caso]."); !slices.Contains(got, "placeholder-unfilled") {
		t.Errorf("[número de caso]: %v", got)
	}
	if got := rules("en", "See the attached form [PDF, 2 pages]."); slices.Contains(got, "placeholder-unfilled") {
		t.Errorf("[PDF, 2 pages] is no placeholder: %v", got)
	}
}

// TestGreetingAskingAfterReader: a greeting may ask how the reader is.
func TestGreetingAskingAfterReader(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []firesCase{
		{"es", "Hola, Martina, ¿cómo estás?\n\nTu nueva tarjeta está en camino y llegará el jueves. Ya hemos anulado la antigua.\n\nUn saludo,\nIrene Castro\n", false},
		{"en", "Hi Sam, how are you?\n\nYour new card is on its way and should arrive by Thursday. I have also cancelled the old one.\n\nKind regards,\nMaria Lopez\n", false},
		{"en", "Thanks for writing, can you send the receipt?\n\nYour new card is on its way and should arrive by Thursday. I have also cancelled the old one.\n\nKind regards,\nMaria Lopez\n", true},
	} {
		if got := firesIn(c, "greeting-no-name", Input{Body: tc.text, Lang: tc.lang}); got != tc.want {
			t.Errorf("greeting-no-name %v, want %v: %s", got, tc.want, tc.text)
		}
	}
}

// TestGreetingWithoutMark: Afrikaans and Dutch often write the greeting
// with no comma; it is still the greeting when it stands alone and names
// someone, and a first sentence is not taken for one.
func TestGreetingWithoutMark(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	rest := "\n\nDankie vir u boodskap. U nuwe kaart is op pad en behoort Donderdag by u te wees.\n\nVriendelike groete\nChané Botha\n"
	cases := []struct {
		first string
		want  []string // greeting findings
	}{
		{"Hallo Ruan", nil},
		{"Beste mnr. Kok", nil},
		{"Geagte Heer/Dame", []string{"greeting-too-formal"}},
		{"Hallo", []string{"greeting-no-name"}},
		{"Dankie vir u geduld", []string{"greeting-no-name"}},
		{"Hallo {{voornaam}}", nil}, // placeholder-unfilled says it
	}
	for _, tc := range cases {
		var got []string
		for _, f := range c.Run(Input{Body: tc.first + rest, Lang: "af"}).Findings {
			if strings.HasPrefix(f.Rule, "greeting-") {
				got = append(got, f.Rule)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.first, got, tc.want)
		}
	}
}

// TestStepsByActions: steps are found by their marks of order, also of
// more than one word ("after that"), or by the actions they ask for, in
// every language; two actions are not yet steps.
func TestStepsByActions(t *testing.T) {
	checkFires(t, "steps-as-prose", []firesCase{
		{"en", "Open the launcher and click Forgot password, then enter your email, after that choose a new password and finally sign in.", true},
		{"fr", "Connectez-vous à la console et ouvrez le menu Utilisateurs. Cliquez ensuite sur Inviter, saisissez les adresses et validez l'envoi.", true},
		{"zh", "请您先登录App，点击右下角的“我的”。然后进入“我的订单”，最后选择“原路退回”。", true},
		{"en", "You can click the link in the email or open the app, whichever is easier.", false},
		{"nl", "Klik op de link in de mail en kies een nieuw wachtwoord.", false},
		// A list under a heading and a line that introduces it.
		{"fr", "Passer à l'abonnement Smart 20 Go\nC'est possible à tout moment et sans frais :\n1. Connectez-vous à votre espace client.\n2. Cliquez sur « Mon abonnement », puis sur « Changer de formule ».\n3. Choisissez Smart 20 Go et confirmez.", false},
	})
}

// TestPhraseThroughDoubledWord: a doubled word does not hide a phrase.
func TestPhraseThroughDoubledWord(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if !fires(c, "generic-apology", "nl", "Sorry voor het het ongemak.") {
		t.Error("generic apology not found through a doubled word")
	}
	if fires(c, "generic-apology", "nl", "Sorry voor het pakket dat te laat kwam.") {
		t.Error("a specific apology flagged")
	}
}

// TestClosingInsideLastParagraph: a Chinese wish that ends the last
// paragraph closes the reply from its own sentence on; the sentences
// before it are still checked.
func TestClosingInsideLastParagraph(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	body := "小雨你好：\n\n上课时间是 11 月 30 日 14:00—17:00，围裙和刀具我们都会准备好。\n\n周五晚上我会再发一条提醒给你哈哈。期待周六一起下厨！\n\n一勺厨房 课程顾问 阿May\n"
	var rules []string
	for _, f := range c.Run(Input{Body: body, Lang: "zh"}).Findings {
		rules = append(rules, f.Rule)
	}
	if !slices.Contains(rules, "slang") || slices.Contains(rules, "closing-missing") {
		t.Errorf("got %v, want slang in the last paragraph and a closing after it", rules)
	}
}

// TestGenericGreetingInParts: a Chinese greeting of generic parts names no
// one; one with a name does.
func TestGenericGreetingInParts(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	answer := "\n\n新轮胎预计 11 月 28 日到店，我们已为您保留 11 月 29 日上午 10:00 的时段。\n\n祝您行车平安，\n驰安轮胎 门店客服 许磊\n"
	for greeting, want := range map[string]bool{"亲爱的客户，您好：": true, "许女士，您好：": false} {
		if got := firesIn(c, "greeting-no-name", Input{Body: greeting + answer, Lang: "zh"}); got != want {
			t.Errorf("%s: greeting-no-name %v, want %v", greeting, got, want)
		}
	}
}

// TestLetterAbbreviation: "a. m." and "p. m." end no sentence.
func TestLetterAbbreviation(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	body := "Puede recogerlas en la oficina 502 de lunes a viernes de 8:00 a. m. a 5:30 p. m. Le esperamos."
	if n := c.Run(Input{Body: body, Lang: "es", Fragment: true}).Metrics.Sentences; n != 2 {
		t.Errorf("%d sentences, want 2: %s", n, body)
	}
}

// TestEmoticonPrefilter: every text the emoticon expression matches passes
// the cheap test that decides whether to run it.
func TestEmoticonPrefilter(t *testing.T) {
	alphabet := []rune(":;=8-'^o)(][DPpOo/\\|*3<xXT_ a.,!?\n。")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		r := make([]rune, 1+rng.IntN(6))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(r)
		if emoticonRe().MatchString(s) && !mayHaveEmoticon(s) {
			t.Fatalf("%q has an emoticon the prefilter passes over", s)
		}
	}
	for _, s := range []string{"workshop: it", "at 14:00", "Note; then", "https://example.com", "bel 04 83 21 00", "(see item 8)"} {
		if mayHaveEmoticon(s) && emoticonRe().MatchString(s) {
			t.Errorf("%q: an emoticon?", s)
		}
	}
	if mayHaveEmoticon("workshop: it ships at 14:00") {
		t.Error("a colon before a word or a number taken for an eye")
	}
}

// TestClosingThanksOrSeeYou: a Chinese reply closes with a thanks as the
// last clause of its last sentence, or with a see-you; a signature line of
// a phone number and its hours, ending in "p. m.", is still a signature.
func TestClosingThanksOrSeeYou(t *testing.T) {
	c, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, body string
	}{
		{"zh", "王女士您好：\n\n新的花束明天下午三点前送到，配送费 25 元已退回您的账户。\n\n再次向您和阿姨说声抱歉，谢谢您一直选择我们。\n\n花语鲜花 客服主管\n周晓雯\n"},
		{"zh", "Amy你好，\n\n你预约的周六19:30场次已经帮你改成6人，到店付款就行。\n\n周六见！\n谜境密室 阿杰\n"},
		{"es", "Estimada Sra. Ruiz:\n\nEl crédito temporal ya aparece en su extracto.\n\nCordialmente,\n\nAndrés Ochoa\nAnalista de Reclamaciones\nBanco Andino\nLínea de atención: 604 444 1234, de lunes a viernes, de 7:00 a. m. a 7:00 p. m.\n"},
	} {
		for _, rule := range []string{"closing-missing", "signature-missing"} {
			if firesIn(c, rule, Input{Body: tc.body, Lang: tc.lang}) {
				t.Errorf("%s: %s on %q", tc.lang, rule, tc.body)
			}
		}
	}
	// A last line with a phone number that ends as a sentence is not taken
	// for a signature.
	body := "Hi Sam,\n\nYour new card is on its way.\n\nWe will call you from 0800 123 456 as soon as the card has arrived at the branch.\n"
	if !firesIn(c, "signature-missing", Input{Body: body, Lang: "en"}) {
		t.Errorf("a sentence taken for a signature: %q", body)
	}
}
