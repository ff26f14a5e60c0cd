package check

import "testing"

// Blame, jargon and alternatives in the forms of round 15.
func TestRound15(t *testing.T) {
	checkFires(t, "blame", []firesCase{
		{"af", "U het op die inskrywingsvorm die verkeerde vertrekpunt gekies.", true},
		{"af", "U moes die vorm mooi deurgelees het voordat u dit ingestuur het.", true},
		{"fr", "Si vous aviez pris la peine de le lire, vous sauriez que la caution est retenue.", true},
		{"nl", "Dat had u zelf in het formulier moeten invullen.", true},
		{"zh", "说明书第3页写得很清楚，您当时显然没有仔细看。", true},
	})
	checkFires(t, "jargon", []firesCase{
		{"nl", "Zodra backoffice de validatie heeft afgerond, gaat de batch naar settlement.", true},
	})
	checkFires(t, "negative-wording", []firesCase{
		{"af", "Ons kan ongelukkig nie die kursusgeld terugbetaal nie.\n\nWat ons wel graag vir u doen, is een van die volgende:", false},
		{"zh", "入住前7天内取消的订单不能退款。我们为您保留了全部房费680元，转为营地消费额度。", false},
	})
}

// A phrase whose first word is already an action is the same step: "klik
// op" after "klik" is one action, and two actions and a "dan" are no
// steps as prose.
func TestActionCountedOnce(t *testing.T) {
	checkFires(t, "steps-as-prose", []firesCase{
		{"af", "Binne 'n paar minute kry jy 'n nuwe bevestiging per e-pos. As jy jou wagwoord vergeet het, klik op \"Wagwoord vergeet?\" op die aanmeldbladsy, dan stuur ons vir jou 'n skakel om 'n nuwe een te kies.", false},
		{"af", "Meld eers aan op die webwerf. Klik dan op My besprekings, kies die datum, vul jou naam in en klik op Stoor.", true},
	})
}
