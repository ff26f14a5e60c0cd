package check

import (
	"strings"
	"testing"
)

// Blame in the forms blind round 11 wrote it; a conditional that helps is
// none.
func TestBlameRound11(t *testing.T) {
	checkFires(t, "blame", []firesCase{
		{"af", "Dit is u eie fout, en dit val dus nie onder die waarborg nie.", true},
		{"en", "The parcel came back to us because you entered the wrong house number when you placed the order.", true},
		{"en", "If you entered the wrong house number, you can change it under Orders.", false},
		{"es", "Eso es algo que tendrías que haber leído en las condiciones antes de comprar el bono.", true},
		{"fr", "Vous n'avez visiblement pas lu les conditions de vente avant de réserver.", true},
		{"fr", "Vous n’avez pas lu le message ? Le voici de nouveau.", true},
		{"nl", "Dat heeft u niet gedaan, dus dit is echt uw eigen verantwoordelijkheid.", true},
	})
}

// Jargon of a receipt app and of a bank's card desk.
func TestJargonRound11(t *testing.T) {
	checkFires(t, "jargon", []firesCase{
		{"en", "This happens when the OCR pipeline times out and the sync token goes stale.", true},
		{"en", "A new export to Excel is in the pipeline for the spring.", false},
		{"fr", "J'ai escaladé le ticket en N2 pour qu'ils ajoutent le marchand.", true},
		{"fr", "La transaction a été bloquée par notre moteur de scoring AML.", true},
		{"fr", "Votre demande est en N2 depuis lundi.", true},
		{"fr", "Le ticket a été escaladé au N2.", true},
		{"fr", "Votre colis arrive en novembre.", false},
	})
}

// Sentences of 31–37 words were in good replies eight times out of nine:
// the limit is 35 words (40 in French and Spanish).
func TestSentenceLengthRound11(t *testing.T) {
	checkFires(t, "sentence-too-long", []firesCase{
		{"en", "This is the tiny axle at the heart of the movement that lets the balance wheel swing back and forth, and the watch can't keep good time without a new one.", false},
		{"es", "En cinco días aprenderás a aparejar el barco, a llevar el timón, a ajustar las velas y a navegar de ceñida, que consiste en avanzar hacia el lugar de donde viene el viento trazando un zigzag.", false},
		{"en", strings.Repeat("the shop on the street ", 7) + "opens today.", true},
	})
}

// Six short sentences are an ordinary paragraph; a list numbered the
// Chinese way (一、二、) is a list.
func TestParagraphRound11(t *testing.T) {
	checkFires(t, "paragraph-too-long", []firesCase{
		{"af", "Dankie vir jou e-pos. Jy skryf: \"Ek kan nêrens meer die Rooibos Saison op julle webwerf kry nie.\" Jy het reg gesien. Ons het einde Augustus die laaste brousel daarvan gebottel. Die rooibos het van 'n klein plaas naby Clanwilliam gekom, en die boer het vanjaar afgetree. Ons wou nie met 'n ander tee aan die resep peuter nie.", false},
		{"zh", "一、额度设置：贵公司目前的总授信额度为 50 万元。每张员工卡的单卡额度可由管理员在企业网银“费用卡管理”中自行设置，调整后即时生效。\n二、境外消费：员工卡默认开通境外消费功能，境外交易按交易金额的 1.5% 收取货币转换费，不另收其他手续费。\n三、挂失补卡：员工卡遗失后，请拨打 400-660-8899 按 3 号键立即挂失。补卡工本费 20 元，新卡约 7 个工作日寄达。\n四、对账与报销：每月 5 日前，上月全部员工卡的交易明细会汇总成一份对账单，管理员可在企业网银下载 Excel 文件。员工也可以在手机银行上传发票照片，与对应交易自动匹配，方便财务统一核对报销。", false},
	})
	for _, line := range []string{"一、额度", "（二）境外", "(三)挂失", "十二、对账"} {
		if !isListItem(line) {
			t.Errorf("%q is no list item", line)
		}
	}
	for _, line := range []string{"一切都好", "二十多年来", "（注意）"} {
		if isListItem(line) {
			t.Errorf("%q is a list item", line)
		}
	}
}

// A refusal that shows the way to what the customer wants is no negative
// wording; "imposible" that describes the customer's trouble is none
// either.
func TestNegativeRound11(t *testing.T) {
	checkFires(t, "negative-wording", []firesCase{
		{"en", "I am unable to raise the monthly limit on your card from our side.\n\nThe quickest way to get a higher limit is to send Claire a request from the app.", false},
		{"es", "Al principio parece imposible, pero el segundo día ya lo harás tú solo.", false},
		{"es", "Nos es imposible cambiar la fecha del curso.", true},
		{"es", "Lamentablemente, no es posible registrar una puja recibida después del cierre del lote.\n\nSí hay una opción que puede interesarle: una oferta directa.", false},
		{"zh", "很遗憾要告诉您，这款茶从明年起停止供应。我们推荐两款替代茶。", false},
		{"zh", "很遗憾要告诉您，这款茶从明年起停止供应。", true},
	})
}

// Greetings of round 11: a generic "Buen día:", and Chinese ones ending in
// a full stop or nothing.
func TestGreetingRound11(t *testing.T) {
	checkLetters(t, "greeting-no-name", []firesCase{
		{"es", "Buen día:\n\nLe escribo por el tapizado de su sofá.\n\nSaludos,\nMarta Ruiz\nTapicería Ruiz", true},
		{"zh", "何经理，您好。\n\n感谢您一直以来订购我们的红茶。\n\n谢谢您的理解与支持。\n\n陈雨桐\n客户经理", false},
		{"zh", "周先生好\n\n您的订单已经发货，明天就能到。\n\n祝您生活愉快！\n\n小林\n远山精酿", false},
	})
	// "Tot gou" closes an Afrikaans reply.
	checkLetters(t, "closing-missing", []firesCase{
		{"af", "Hoi Liezl\n\nJulle kan vooraf bespreek op www.vertikaal.co.za/bespreek.\n\nTot gou\nDanie\nVertikaal Klimsentrum", false},
	})
}
