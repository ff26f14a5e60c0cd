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

# Port 2525 is plain SMTP without STARTTLS.
sed -i '/^127.0.0.1:2525/,/^[^ ]/{/^127.0.0.1:2525/d;/^  -o/d}' /etc/postfix/master.cf
printf '127.0.0.1:2525 inet n - y - - smtpd\n  -o smtpd_tls_security_level=none\n' >> /etc/postfix/master.cf

# TLS and AUTH for the sending tests: a private test CA, a server
# certificate for "localhost" only (so 127.0.0.1 is a wrong host name), and
# one SASL user in a sasldb. Made once; kept on later runs.
tls_dir=/etc/kindly-test
mkdir -p "$tls_dir"
if [ ! -s "$tls_dir/server.pem" ]; then
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
		-subj "/CN=kindly test CA" -keyout "$tls_dir/ca.key" -out "$tls_dir/ca.pem" 2>/dev/null
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
		-keyout "$tls_dir/server.key" -out "$tls_dir/server.csr" 2>/dev/null
	printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$tls_dir/server.ext"
	openssl x509 -req -in "$tls_dir/server.csr" -CA "$tls_dir/ca.pem" -CAkey "$tls_dir/ca.key" \
		-CAcreateserial -days 3650 -extfile "$tls_dir/server.ext" -out "$tls_dir/server.pem" 2>/dev/null
fi
chmod 644 "$tls_dir/ca.pem" "$tls_dir/server.pem"
chmod 600 "$tls_dir/ca.key" "$tls_dir/server.key"
if [ ! -s "$tls_dir/password" ]; then
	head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$tls_dir/password"
fi
chmod 644 "$tls_dir/password"
saslpasswd2 -p -c -u kindly-test.localdomain kindly-test < "$tls_dir/password"
chown root:postfix /etc/sasldb2
chmod 640 /etc/sasldb2
mkdir -p /etc/postfix/sasl
printf 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\n' > /etc/postfix/sasl/smtpd.conf

# 2587: STARTTLS required, then AUTH; 2465: implicit TLS, then AUTH;
# 2526: no TLS but AUTH offered (a client must refuse to log in there).
# Only authenticated senders may send on these three. Not chrooted, so
# that smtpd reads /etc/sasldb2.
for port in 2587 2465 2526; do
	sed -i "/^127.0.0.1:$port /,/^[^ ]/{/^127.0.0.1:$port /d;/^  -o/d}" /etc/postfix/master.cf
done
auth_opts='  -o smtpd_sasl_auth_enable=yes
  -o smtpd_sasl_type=cyrus
  -o smtpd_sasl_path=smtpd
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject'
tls_opts="  -o smtpd_tls_cert_file=$tls_dir/server.pem
  -o smtpd_tls_key_file=$tls_dir/server.key"
{
	printf '127.0.0.1:2587 inet n - n - - smtpd\n%s\n%s\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_tls_auth_only=yes\n' "$tls_opts" "$auth_opts"
	printf '127.0.0.1:2465 inet n - n - - smtpd\n%s\n%s\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_tls_security_level=encrypt\n' "$tls_opts" "$auth_opts"
	printf '127.0.0.1:2526 inet n - n - - smtpd\n%s\n  -o smtpd_tls_security_level=none\n  -o smtpd_tls_auth_only=no\n' "$auth_opts"
} >> /etc/postfix/master.cf

newaliases 2>/dev/null || true
if postfix status >/dev/null 2>&1; then
	postfix reload
else
	postfix start
fi

# Wait, bounded, until every port answers as the tests expect: a 220
# greeting in clear on 2525 and 2526 (2526 offering AUTH), and on 2587 and
# 2465 a TLS handshake that verifies against the test CA for "localhost"
# followed by an EHLO reply offering AUTH. Accepting a connection is not
# enough: master(8) accepts before smtpd(8) has read its configuration.
clear_ehlo() { # port → the EHLO reply, or nothing
	timeout 5 bash -c '
		exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
		IFS= read -r -t 4 line <&3 && [[ $line == 220* ]] || exit 1
		printf "EHLO ci.localdomain\r\n" >&3
		while IFS= read -r -t 4 line <&3; do
			printf "%s\n" "$line"
			[[ $line == "250 "* ]] && break
		done
		printf "QUIT\r\n" >&3' _ "$1" 2>/dev/null || true
}
tls_ehlo() { # port, extra s_client flags → the EHLO reply after TLS, or nothing
	local port=$1
	shift
	printf 'EHLO ci.localdomain\r\nQUIT\r\n' |
		timeout 5 openssl s_client -quiet -connect "127.0.0.1:$port" "$@" \
			-CAfile "$tls_dir/ca.pem" -verify_hostname localhost -verify_return_error 2>/dev/null || true
}
answers() { # port → success when it answers as the tests expect
	case $1 in
	2525) clear_ehlo 2525 | grep -q '^250' ;;
	2526) clear_ehlo 2526 | grep -q '^250.AUTH.*PLAIN' ;;
	2587) tls_ehlo 2587 -starttls smtp | grep -q '^250.AUTH.*PLAIN' ;;
	2465) tls_ehlo 2465 | grep -q '^250.AUTH.*PLAIN' ;;
	esac
}
deadline=$((SECONDS + 40))
for port in 2525 2587 2465 2526; do
	until answers "$port"; do
		if [ "$SECONDS" -ge "$deadline" ]; then
			echo "start-postfix: 127.0.0.1:$port does not answer as expected within 40s (greeting, TLS with $tls_dir/ca.pem, AUTH); see Postfix's log (journalctl or /var/log/mail.log)" >&2
			exit 1
		fi
		sleep 0.5
	done
done
echo "start-postfix: Postfix is listening on 127.0.0.1: 2525 (plain), 2587 (STARTTLS+AUTH), 2465 (TLS+AUTH), 2526 (AUTH without TLS)"
echo "start-postfix: test CA $tls_dir/ca.pem, user kindly-test@kindly-test.localdomain, password in $tls_dir/password"
