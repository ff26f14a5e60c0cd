package check

import "testing"

// A term of the trade explained once, where it is first used, is jargon
// nowhere in the reply; one never explained still is.
func TestJargonExplained(t *testing.T) {
	checkFires(t, "jargon", []firesCase{
		{"en", "It depends on the TTL, or \"time to live\", of your records. The TTL was 24 hours.", false},
		{"en", "It depends on the TTL (time to live) of your records.", false},
		{"en", "It depends on the time to live (TTL) of your records.", false},
		{"en", "It depends on the TTL of your records. The TTL was 24 hours.", true},
		{"af", "Ons het dit geëskaleer (aan 'n spesialis oorgegee).", false},
	})
}

// Tickets of the ordinary kind are no jargon in Afrikaans; the support
// ticket's process is.
func TestKaartjie(t *testing.T) {
	checkFires(t, "jargon", []firesCase{
		{"af", "Dankie vir jou boodskap (kaartjie #77104).", false},
		{"af", "Jou kaartjie is geëskaleer na die tweede lyn.", true},
	})
}

// A word repeated across a line break is a heading and its first line.
func TestRepeatedAcrossLines(t *testing.T) {
	checkFires(t, "repeated-word", []firesCase{
		{"af", "Lesse vir Mia\nMia ry elke Saterdag om 09:00.", false},
		{"af", "Mia ry ry elke Saterdag om 09:00.", true},
	})
}

// A greeting word with no name is a greeting without a name, in the
// casual and the time-of-day forms too.
func TestGreetingWordsWithoutName(t *testing.T) {
	letter := func(greeting string) string {
		return greeting + "\n\nWe have moved your session to Friday 21 March at 2 pm.\n\nKind regards,\nJake Miller\nInk & Co"
	}
	checkLetters(t, "greeting-no-name", []firesCase{
		{"en", letter("Hey,"), true}, {"en", letter("Good morning,"), true}, {"en", letter("Hiya,"), true},
		{"en", letter("Good morning Mrs O'Neill,"), false}, {"en", letter("Hey Sam,"), false},
		// Seven words with a compound surname are still a greeting.
		{"nl", "Beste heer en mevrouw Van der Merwe,\n\nUw hut is geboekt voor 3 mei.\n\nMet vriendelijke groet,\nSanne de Boer\nZeereizen", false},
	})
}

// A sign-off joined to a wish closes a reply, and a team signature starts
// with the agent's name (the language is left to detection).
func TestClosingJoinedToWish(t *testing.T) {
	cases := []firesCase{
		{"", "Hola, Lucía:\n\nTu inmersión es el jueves 10 de julio a las 8:00.\n\nSaludos y nos vemos en Cozumel,\n\nJorge Canché y el equipo de Azul Profundo\nWhatsApp: +52 987 112 4590", false},
		{"", "Beste Pieter\n\nJou raam is Maandag gestuur.\n\nMooi bly, en sterkte met die nuwe swerms\nAnnelie Fourie\n021 876 4410", false},
		{"", "Bonjour Madame Roy,\n\nVotre vol est reporté au 22 juin.\n\nMerci de votre compréhension, et à très bientôt dans les airs.\n\nClaire Fontaine\n03 80 24 51 90", false},
	}
	checkLetters(t, "closing-missing", cases)
	checkLetters(t, "signature-missing", cases)
}

// The lines of a list inside a paragraph are sentences of their own, and
// the paragraph is not long for holding them; steps written as short
// sentences get one finding, not two.
func TestListInParagraph(t *testing.T) {
	checkFires(t, "sentence-too-long", []firesCase{
		{"zh", "调整后的行程：\n- 5月2日 17:00 上海吴淞口国际邮轮港出发\n- 5月3日 海上巡航\n- 5月4日 8:00—22:00 日本福冈（原为14:00离港）\n- 5月5日 日本长崎\n- 5月7日 7:00 返回上海\n济州是您特别期待的一站，临时取消一定让您很失望，对此我们深表歉意。", false},
	})
	checkFires(t, "paragraph-too-long", []firesCase{
		{"en", "Your new route:\n- Monday: Leeds\n- Tuesday: York\n- Wednesday: Hull\n- Thursday: Leeds\n- Friday: York\n- Saturday: home\nWe are sorry for the change.", false},
		{"zh", "谢谢您的来信。先在旧手机上打开密钥宝。然后在新手机上安装密钥宝。接着用新手机扫描二维码。再输入主密码。最后等同步结束。", false},
		{"zh", "谢谢您的来信，也感谢您这几年一直在我们店里买茶叶和茶具，我们都记得您。我们查了您上周五下的订单，系统显示付款已经成功，但是仓库那边因为盘点延误了两天才开始拣货。包裹已经在今天上午到了我们的上海仓库，打包和检查都已经完成了。快递员会在明天上午来取件，顺丰一般两天之内就能送到您家。这次的运费全部由我们承担，不会从您的账户里另外扣款。如果收到后发现任何问题，请您直接回复这封邮件，我们会在一个工作日内处理。", true},
		// Six short sentences are an ordinary paragraph (round 11).
		{"zh", "谢谢您的来信。我们查了您的订单。包裹已经到了仓库。明天会发出。运费由我们承担。请您放心。", false},
	})
	checkFires(t, "steps-as-prose", []firesCase{
		{"zh", "谢谢您的来信。先在旧手机上打开密钥宝。然后在新手机上安装密钥宝。接着用新手机扫描二维码。再输入主密码。最后等同步结束。", true},
	})
}
