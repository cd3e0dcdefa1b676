"""Writes the .eml fixtures beside this script (run it again after editing one).

The messages are written out as raw bytes, the way mail clients save them: RFC 2047 encoded
headers, quoted-printable and base64 bodies, a Latin-1 message in 8 bits, a lying charset.
Every person is fictional; every address is under a reserved domain.
"""

from __future__ import annotations

import base64
from pathlib import Path

HERE = Path(__file__).resolve().parent

FIXTURES: dict[str, bytes] = {}

# Thunderbird-style: UTF-8 name and subject as encoded words, quoted-printable body.
FIXTURES["encoded_headers.eml"] = b"""\
Return-Path: <eloise.lefevre@example.fr>
Message-ID: <3f2a9c1e-7b4d-4e1a-9d3c-enc0ded@example.fr>
Date: Tue, 6 Feb 2024 09:42:17 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: fr
From: =?UTF-8?Q?=C3=89lo=C3=AFse_Lef=C3=A8vre?= <eloise.lefevre@example.fr>
To: presse@example.fr
Subject: =?UTF-8?Q?Demande_d=27interview_=E2=80=93_donn=C3=A9es_de_vie_r?=
 =?UTF-8?Q?=C3=A9elle_et_d=C3=A9pistage?=
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: quoted-printable

Bonjour,

Je pr=C3=A9pare un article sur les donn=C3=A9es de vie r=C3=A9elle en canc=
=C3=A9rologie. Serait-il possible d'interviewer un porte-parole de la Fili=
=C3=A8re avant jeudi midi ?

Bien cordialement,
=C3=89lo=C3=AFse Lef=C3=A8vre
Le Quotidien
"""

# Outlook-style multipart/alternative: plain text first, HTML second; plain text wins.
FIXTURES["multipart_alternative.eml"] = (
    b"""\
From: "Chatelain, Jerome" <jerome.chatelain@example.org>
To: "Presse FIAC" <presse@example.fr>
Subject: =?iso-8859-1?Q?Chiffres_de_la_journ=E9e_du_31_janvier?=
Date: Mon, 5 Feb 2024 17:05:00 +0000
Message-ID: <AM0PR07MB-multi-001@example.org>
MIME-Version: 1.0
Content-Type: multipart/alternative;
\tboundary="_000_AM0PR07MB_"

--_000_AM0PR07MB_
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: base64

"""
    + base64.encodebytes(
        "Bonjour,\r\n\r\nCombien de participants et d'orateurs à la journée ?\r\n"
        "Merci d'avance,\r\nJérôme\r\n".encode()
    )
    + b"""
--_000_AM0PR07MB_
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Bonjour,</p><p>Version HTML =C3=A0 ne pas retenir.</p></body></html>

--_000_AM0PR07MB_--
"""
)

HTML_TAIL = (
    "ée&nbsp;?<br>Il me faut&nbsp;:</p><ul><li>une photo des tables rondes</li>"
    "<li>le logo &amp; la charte</li></ul><p>Merci,<br/>Anaïs</p></body></html>\n"
)

# HTML only (a web mail), windows-1252, entities, a script and a style to drop.
FIXTURES["html_only.eml"] = b"""\
From: =?windows-1252?Q?Ana=EFs_B=E9ranger?= <anais.beranger@example.com>
To: presse@example.fr
Subject: =?windows-1252?B?VmlzdWVscyBwb3VyIGwnYXJ0aWNsZSCWIHVyZ2VudA==?=
Date: Wed, 07 Feb 2024 08:15:00 +0100
Message-ID: <webmail.html-only.42@example.com>
MIME-Version: 1.0
Content-Type: text/html; charset=windows-1252
Content-Transfer-Encoding: 8bit

<html><head><title>ignored</title><style>p { color: red; }</style></head>
<body><script>alert("x")</script>
<p>Bonjour,</p>
<p>Pourriez-vous m&rsquo;envoyer des <b>visuels</b> de la journ""" + HTML_TAIL.encode("cp1252")

# Latin-1 in 8 bits, name in capitals (family name), Q-encoded Latin-1 headers.
FIXTURES["latin1.eml"] = b"""\
From: =?ISO-8859-1?Q?CH=C2TELAIN_J=E9r=F4me?= <j.chatelain@example.fr>
To: presse@example.fr
Subject: =?ISO-8859-1?Q?Pr=E9cisions_sur_l'acc=E8s_aux_donn=E9es?=
Date: Thu, 08 Feb 2024 23:30:00 +0100
Message-ID: <latin1-8bit-0001@example.fr>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: 8bit

""" + (
    "Bonjour,\n\nQuels délais d'accès pour les équipes de recherche ?\nÀ bientôt,\n"
    "Jérôme Châtelain\n"
).encode("latin-1")

# An unknown sender, multipart/mixed with a PDF attached, date in -0000 (UTC, origin unknown).
FIXTURES["unknown_sender.eml"] = (
    b"""\
From: =?utf-8?b?TWHDq2xsZSBDxZN1cmRlcm95?= <maelle.coeurderoy@example.org>
To: presse@example.fr
Subject: =?utf-8?q?Invitation_=C3=A0_un_d=C3=A9bat_radio?=
Date: Fri, 09 Feb 2024 07:00:00 -0000
Message-ID: <unknown-sender-777@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mixed-b"

--mixed-b
Content-Type: multipart/alternative; boundary="alt-b"

--alt-b
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

"""
    + (
        "Bonjour,\n\nNous aimerions inviter un expert à notre débat du 15 février.\n\nMaëlle\n"
    ).encode()
    + b"""
--alt-b
Content-Type: text/html; charset=utf-8

<p>Bonjour</p>
--alt-b--

--mixed-b
Content-Type: application/pdf; name="programme-debat.pdf"
Content-Disposition: attachment; filename="programme-debat.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcOkw7zDtsOfCg==

--mixed-b--
"""
)

# No Message-ID and no Date: the Received stamp gives the date, the file digest the key.
FIXTURES["no_message_id.eml"] = b"""\
Received: from mx.example.org (mx.example.org [192.0.2.10])
\tby mail.example.fr with ESMTPS; Sat, 10 Feb 2024 11:20:05 +0100
From: redaction@example.org
To: presse@example.fr
Subject: Question rapide
Content-Type: text/plain; charset=us-ascii

Une question rapide sur le budget 2024.
"""

# A charset nobody knows: decoded leniently, never refused.
FIXTURES["bad_charset.eml"] = b"""\
From: Hugo Martin <hugo.martin@example.com>
To: presse@example.fr
Subject: Charset inconnu
Date: Sat, 10 Feb 2024 12:00:00 +0100
Message-ID: <bad-charset@example.com>
Content-Type: text/plain; charset=x-made-up
Content-Transfer-Encoding: 8bit

""" + "Le texte reste lisible : été.\n".encode()

FIXTURES["no_sender.eml"] = b"""\
To: presse@example.fr
Subject: Sans expediteur
Date: Sat, 10 Feb 2024 12:00:00 +0100

Corps.
"""

FIXTURES["not_an_email.eml"] = b"Ceci n'est pas un courriel.\nJuste du texte.\n"


def main() -> None:
    for name, data in FIXTURES.items():
        (HERE / name).write_bytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


if __name__ == "__main__":
    main()
