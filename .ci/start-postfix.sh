#!/usr/bin/env bash
# Starts a real Postfix on 127.0.0.1 for kindly's integration tests: a sink
# that accepts mail for any address on port 2525 (and 25, loopback only)
# and delivers it all into the Maildir of the local user "kindly"
# (/home/kindly/Maildir/new). Nothing is ever relayed off this machine.
# Idempotent: safe to run again.
set -euo pipefail

if ! command -v postfix >/dev/null; then
	echo "start-postfix: postfix is not installed (apt-get install postfix)" >&2
	exit 1
fi

id kindly >/dev/null 2>&1 || useradd --create-home --shell /usr/sbin/nologin kindly
mkdir -p /home/kindly/Maildir/{new,cur,tmp}
chown -R kindly:kindly /home/kindly/Maildir

postconf -e \
	'myhostname = kindly-test.localdomain' \
	'mydestination = $myhostname, localhost.localdomain, localhost' \
	'inet_interfaces = loopback-only' \
	'inet_protocols = ipv4' \
	'mynetworks = 127.0.0.0/8' \
	'smtpd_relay_restrictions = permit_mynetworks, reject' \
	'smtpd_recipient_restrictions = permit_mynetworks, reject' \
	'default_transport = local' \
	'relay_transport = local' \
	'local_recipient_maps =' \
	'luser_relay = kindly' \
	'alias_maps =' \
	'home_mailbox = Maildir/' \
	'smtputf8_enable = yes' \
	'compatibility_level = 3.6'

# Port 2525 is plain SMTP without STARTTLS (TLS ports come with the sending tests).
sed -i '/^127.0.0.1:2525/,/^[^ ]/{/^127.0.0.1:2525/d;/^  -o/d}' /etc/postfix/master.cf
printf '127.0.0.1:2525 inet n - y - - smtpd\n  -o smtpd_tls_security_level=none\n' >> /etc/postfix/master.cf

newaliases 2>/dev/null || true
if postfix status >/dev/null 2>&1; then
	postfix reload
else
	postfix start
fi

# Wait until it answers, bounded.
for _ in $(seq 1 50); do
	if (exec 3<>/dev/tcp/127.0.0.1/2525) 2>/dev/null; then
		echo "start-postfix: Postfix is listening on 127.0.0.1:2525"
		exit 0
	fi
	sleep 0.2
done
echo "start-postfix: Postfix did not start listening on 127.0.0.1:2525" >&2
exit 1
