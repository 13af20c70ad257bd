<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>omni::app</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Die Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Shared-memory segment to read (default: omnigod).</source>
        <translation>Zu lesendes Shared-Memory-Segment (Standard: omnigod).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Run the built-in simulated robot through real shared memory.</source>
        <translation>Den eingebauten simulierten Roboter über echten gemeinsamen Speicher laufen lassen.</translation>
    </message>
    <message>
        <source>Publish rate of the simulated robot (default: 50).</source>
        <translation>Senderate des simulierten Roboters (Standard: 50).</translation>
    </message>
    <message>
        <source>HZ</source>
        <translation>HZ</translation>
    </message>
    <message>
        <source>Run without a window (reader and server only).</source>
        <translation>Ohne Fenster laufen (nur Leser und Server).</translation>
    </message>
    <message>
        <source>Print each new state and link change as a JSON line on stdout.</source>
        <translation>Jeden neuen Zustand und jeden Verbindungswechsel als JSON-Zeile auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Call the link stale after this long without a new state (default: 1000).</source>
        <translation>Die Verbindung nach so langer Zeit ohne neuen Zustand als veraltet melden (Standard: 1000).</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Address to listen on (default: all interfaces).</source>
        <translation>Adresse, auf der gelauscht wird (Standard: alle Schnittstellen).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Most states per second sent to each client (default: 60).</source>
        <translation>Höchstzahl der Zustände pro Sekunde an jeden Client (Standard: 60).</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>Do not serve the web dashboard.</source>
        <translation>Das Web-Dashboard nicht anbieten.</translation>
    </message>
    <message>
        <source>Fullscreen touchscreen kiosk.</source>
        <translation>Vollbild-Kiosk für den Touchscreen.</translation>
    </message>
    <message>
        <source>Show a remote robot from another omniscient&apos;s stream, e.g. ws://pi:3001/ws.</source>
        <translation>Einen entfernten Roboter aus dem Datenstrom eines anderen omniscient zeigen, z. B. ws://pi:3001/ws.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Language of the interface: en, de, es, fr.</source>
        <translation>Sprache der Oberfläche: en, de, es, fr.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>More host names (comma-separated) by which browsers may use /api, /ws and /toggle-sound; localhost, IP addresses and this machine&apos;s names always work. Others are refused against DNS rebinding.</source>
        <translation>Weitere Hostnamen (durch Kommas getrennt), unter denen Browser /api, /ws und /toggle-sound nutzen dürfen; localhost, IP-Adressen und die Namen dieses Rechners gehen immer. Andere werden gegen DNS-Rebinding abgewiesen.</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>NAMEN</translation>
    </message>
    <message>
        <source>The port, as the original omniscient took it: &quot;omniscient 3002&quot; is --port 3002.</source>
        <translation>Der Port, wie ihn das ursprüngliche omniscient nahm: „omniscient 3002“ ist --port 3002.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is the port</source>
        <translation>unerwartetes Argument „%1“: das einzige Argument ohne Option ist der Port</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is a TCP port from 0 to 65535, as in &quot;omniscient 3002&quot;; see --help for the flags</source>
        <translation>unerwartetes Argument „%1“: das einzige Argument ohne Option ist ein TCP-Port von 0 bis 65535, wie in „omniscient 3002“; die Optionen nennt --help</translation>
    </message>
    <message>
        <source>two ports given: --port %1 and %2; give one</source>
        <translation>zwei Ports angegeben: --port %1 und %2; geben Sie einen an</translation>
    </message>
    <message>
        <source>--allowed-hosts: &quot;%1&quot; is not a host name; give names such as robot.example, separated by commas (no port, no http://; IP addresses and localhost always work)</source>
        <translation>--allowed-hosts: „%1“ ist kein Hostname; geben Sie Namen wie robot.example an, durch Kommas getrennt (kein Port, kein http://; IP-Adressen und localhost gehen immer)</translation>
    </message>
    <message>
        <source>--shm: &quot;%1&quot; is not a segment name (1 to 200 characters, no &apos;/&apos; inside)</source>
        <translation>--shm: „%1“ ist kein Segmentname (1 bis 200 Zeichen, kein „/“ darin)</translation>
    </message>
    <message>
        <source>--sim-rate: expected a rate in Hz from 0.1 to 1000000, got &quot;%1&quot;</source>
        <translation>--sim-rate: erwartet eine Rate in Hz von 0.1 bis 1000000, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--stale-ms: expected milliseconds from 10 to 3600000, got &quot;%1&quot;</source>
        <translation>--stale-ms: erwartet Millisekunden von 10 bis 3600000, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--port: expected a TCP port from 0 to 65535, got &quot;%1&quot;</source>
        <translation>--port: erwartet einen TCP-Port von 0 bis 65535, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--max-clients: expected a whole number from 1 to 100000, got &quot;%1&quot;</source>
        <translation>--max-clients: erwartet eine ganze Zahl von 1 bis 100000, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--max-rate: expected a rate in Hz from 0.1 to 10000, got &quot;%1&quot;</source>
        <translation>--max-rate: erwartet eine Rate in Hz von 0.1 bis 10000, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--connect: expected a WebSocket URL such as ws://raspberrypi:3001/ws, got &quot;%1&quot;</source>
        <translation>--connect: erwartet eine WebSocket-URL wie ws://raspberrypi:3001/ws, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--connect and --simulate cannot be combined: one shows a remote robot, the other a local one</source>
        <translation>--connect und --simulate lassen sich nicht kombinieren: Das eine zeigt einen entfernten Roboter, das andere einen lokalen</translation>
    </message>
    <message>
        <source>no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): running headless; use --headless to say so and silence this note</source>
        <translation>keine Anzeige gefunden (DISPLAY, WAYLAND_DISPLAY und QT_QPA_PLATFORM sind nicht gesetzt): läuft ohne Fenster; --headless sagt das ausdrücklich und unterdrückt diesen Hinweis</translation>
    </message>
    <message>
        <source>Try &apos;omniscient --help&apos; for the options.</source>
        <translation>„omniscient --help“ zeigt die Optionen.</translation>
    </message>
    <message>
        <source>How the reader waits for a steady robot: predict (default; a timer just after each expected publish, no system call for the robot) or futex (the robot wakes it at each publish: lower latency, one system call per publish).</source>
        <translation>Wie der Leser auf einen gleichmäßigen Roboter wartet: predict (Standard; ein Timer kurz nach jeder erwarteten Veröffentlichung, kein Systemaufruf für den Roboter) oder futex (der Roboter weckt ihn bei jeder Veröffentlichung: geringere Latenz, ein Systemaufruf pro Veröffentlichung).</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODUS</translation>
    </message>
    <message>
        <source>--reader-wake: expected predict or futex, got &quot;%1&quot;</source>
        <translation>--reader-wake: erwartet predict oder futex, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Cluck with your own sounds: a random .wav, .ogg or .mp3 file of this folder each time (default: the built-in clucks).</source>
        <translation>Mit eigenen Tönen gackern: jedes Mal eine zufällige .wav-, .ogg- oder .mp3-Datei dieses Ordners (Vorgabe: die eingebauten).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Play no sound on this machine (the sound switch still works, and web pages can cluck along).</source>
        <translation>Auf diesem Rechner keine Töne abspielen (der Ton-Schalter wirkt weiter, und Webseiten können mitgackern).</translation>
    </message>
    <message>
        <source>--sound-dir: give a folder with .wav, .ogg or .mp3 files</source>
        <translation>--sound-dir: gib einen Ordner mit .wav-, .ogg- oder .mp3-Dateien an</translation>
    </message>
    <message>
        <source>Read the access token from this file (first line; other local users cannot see it, unlike --token).</source>
        <translation>Das Zugangs-Token aus dieser Datei lesen (erste Zeile; andere lokale Benutzer sehen es nicht, anders als bei --token).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Require the access token on /metrics too (Prometheus: bearer token).</source>
        <translation>Das Zugangs-Token auch für /metrics verlangen (Prometheus: Bearer-Token).</translation>
    </message>
    <message>
        <source>Record every state, link change and event into this MCAP file until omniscient exits (docs/RECORDING.md).</source>
        <translation>Jeden Zustand, jede Verbindungsänderung und jedes Ereignis bis zum Ende von omniscient in diese MCAP-Datei aufzeichnen (docs/RECORDING.md).</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>VERFAHREN</translation>
    </message>
    <message>
        <source>--token and --token-file cannot be combined: give the token one way</source>
        <translation>--token und --token-file lassen sich nicht kombinieren: gib das Token auf einem Weg an</translation>
    </message>
    <message>
        <source>--token-file: cannot read %1: %2</source>
        <translation>--token-file: %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>--token-file: %1 is empty; write the token on its first line</source>
        <translation>--token-file: %1 ist leer; schreibe das Token in die erste Zeile</translation>
    </message>
    <message>
        <source>--protect-metrics needs a token: give --token-file, --token or OMNISCIENT_TOKEN</source>
        <translation>--protect-metrics braucht ein Token: gib --token-file, --token oder OMNISCIENT_TOKEN an</translation>
    </message>
    <message>
        <source>--record: give the file to record into, e.g. --record robot.mcap</source>
        <translation>--record: gib die Datei für die Aufzeichnung an, z. B. --record robot.mcap</translation>
    </message>
    <message>
        <source>--record-compression: expected zstd, lz4 or none, got &quot;%1&quot;</source>
        <translation>--record-compression: erwartet zstd, lz4 oder none, erhalten „%1“</translation>
    </message>
    <message>
        <source>Usage: omniscient export FILE.mcap --format csv|jsonl [-o OUT]</source>
        <translation>Aufruf: omniscient export DATEI.mcap --format csv|jsonl [-o AUSGABE]</translation>
    </message>
    <message>
        <source>Writes a recording&apos;s states as CSV or JSON Lines.</source>
        <translation>Schreibt die Zustände einer Aufzeichnung als CSV oder JSON Lines.</translation>
    </message>
    <message>
        <source>csv (default) or jsonl.</source>
        <translation>csv (Standard) oder jsonl.</translation>
    </message>
    <message>
        <source>Where to write (default: FILE with .csv or .jsonl; - for stdout). CSV events go to OUT.events.csv.</source>
        <translation>Wohin geschrieben wird (Standard: DATEI mit .csv oder .jsonl; - für stdout). CSV-Ereignisse landen in AUSGABE.events.csv.</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>Zeigt diese Hilfe.</translation>
    </message>
    <message>
        <source>The recording.</source>
        <translation>Die Aufzeichnung.</translation>
    </message>
    <message>
        <source>give exactly one recording to export</source>
        <translation>gib genau eine Aufzeichnung zum Exportieren an</translation>
    </message>
    <message>
        <source>--format: expected csv or jsonl, got &quot;%1&quot;</source>
        <translation>--format: erwartet csv oder jsonl, erhalten „%1“</translation>
    </message>
    <message>
        <source>cannot read the recording: %1</source>
        <translation>die Aufzeichnung lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>%1 was cut short (no summary): exporting its %2 complete chunks</source>
        <translation>%1 wurde vorzeitig abgebrochen (keine Zusammenfassung): seine %2 vollständigen Chunks werden exportiert</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 lässt sich nicht anlegen: %2</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>abgebrochen: %1</translation>
    </message>
    <message>
        <source>%1 states and %2 events written to %3%4</source>
        <translation>%1 Zustände und %2 Ereignisse nach %3 geschrieben%4</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source> (events: %1)</source>
        <translation> (Ereignisse: %1)</translation>
    </message>
    <message>
        <source>omniscient watches a small robot live: it reads the robot&apos;s shared memory, shows a dashboard, and mirrors the state to browsers and other omniscient instances over one port. Foxglove and Lichtblick connect to the same port (ws://HOST:PORT, Foxglove WebSocket; see docs/FOXGLOVE.md).</source>
        <translation>omniscient beobachtet einen kleinen Roboter live: Es liest den gemeinsamen Speicher des Roboters, zeigt ein Dashboard und spiegelt den Zustand über einen Port an Browser und andere omniscient-Instanzen. Foxglove und Lichtblick verbinden sich mit demselben Port (ws://HOST:PORT, Foxglove WebSocket; siehe docs/FOXGLOVE.md).</translation>
    </message>
    <message>
        <source>TCP port of the web dashboard, its WebSocket and the Foxglove WebSocket (default: 3001).</source>
        <translation>TCP-Port des Web-Dashboards, seines WebSockets und des Foxglove-WebSockets (Standard: 3001).</translation>
    </message>
    <message>
        <source>Most WebSocket clients (/ws and Foxglove) served at once (default: 64).</source>
        <translation>Höchstzahl gleichzeitig bedienter WebSocket-Clients (/ws und Foxglove) (Standard: 64).</translation>
    </message>
    <message>
        <source>Access token required by /ws, Foxglove and /api (default: $OMNISCIENT_TOKEN).</source>
        <translation>Zugangstoken, das /ws, Foxglove und /api verlangen (Standard: $OMNISCIENT_TOKEN).</translation>
    </message>
    <message>
        <source>How --record and saved recordings compress: zstd (default), lz4 or none.</source>
        <translation>Wie --record und gespeicherte Aufzeichnungen komprimieren: zstd (Standard), lz4 oder none.</translation>
    </message>
    <message>
        <source>Keep the last M minutes of every state, link change and event in memory (0: off; at most 60; about 6 MB a minute), to save with &quot;Save the last minute&quot; or POST /api/recordings.</source>
        <translation>Die letzten M Minuten jedes Zustands, jeder Verbindungsänderung und jedes Ereignisses im Speicher halten (0: aus; höchstens 60; etwa 6 MB pro Minute), zum Sichern mit „Letzte Minute speichern“ oder POST /api/recordings.</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Where saved recordings go (default: $XDG_DATA_HOME/omniscient/recordings).</source>
        <translation>Wohin gespeicherte Aufzeichnungen kommen (Standard: $XDG_DATA_HOME/omniscient/recordings).</translation>
    </message>
    <message>
        <source>Remove the oldest saved recordings when they take more than this many MB (default 1024).</source>
        <translation>Die ältesten gespeicherten Aufzeichnungen löschen, wenn sie mehr als so viele MB belegen (Standard 1024).</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Play this MCAP recording instead of a robot, at its recorded pace, with a timeline (docs/RECORDING.md). &quot;omniscient export FILE.mcap --format csv|jsonl [-o OUT]&quot; writes one as CSV or JSON Lines.</source>
        <translation>Diese MCAP-Aufzeichnung statt eines Roboters abspielen, im aufgezeichneten Tempo, mit Zeitleiste (docs/RECORDING.md). „omniscient export DATEI.mcap --format csv|jsonl [-o AUSGABE]“ schreibt eine als CSV oder JSON Lines.</translation>
    </message>
    <message>
        <source>Publish this robot to an MQTT broker, e.g. mqtt://broker.local or mqtts://user@broker:8883 (the password from $OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file; docs/FLEET.md).</source>
        <translation>Diesen Roboter an einen MQTT-Broker veröffentlichen, z. B. mqtt://broker.local oder mqtts://user@broker:8883 (das Passwort aus $OMNISCIENT_MQTT_PASSWORD oder --mqtt-password-file; docs/FLEET.md).</translation>
    </message>
    <message>
        <source>Show every robot publishing to this MQTT broker (with --headless: the page /fleet and /api/fleet), e.g. mqtt://broker.local.</source>
        <translation>Jeden Roboter zeigen, der an diesen MQTT-Broker veröffentlicht (mit --headless: die Seite /fleet und /api/fleet), z. B. mqtt://broker.local.</translation>
    </message>
    <message>
        <source>This robot&apos;s name on the broker (default: the host name).</source>
        <translation>Der Name dieses Roboters auf dem Broker (Standard: der Hostname).</translation>
    </message>
    <message>
        <source>Read the broker password from this file (first line).</source>
        <translation>Das Broker-Passwort aus dieser Datei lesen (erste Zeile).</translation>
    </message>
    <message>
        <source>For mqtts://: the CA certificate (PEM) that signed the broker&apos;s.</source>
        <translation>Für mqtts://: das CA-Zertifikat (PEM), das das Zertifikat des Brokers signiert hat.</translation>
    </message>
    <message>
        <source>Seconds between keepalives; the broker declares this robot offline after 1.5 times it (default: 10).</source>
        <translation>Sekunden zwischen Keepalives; nach dem 1,5-Fachen erklärt der Broker diesen Roboter für offline (Standard: 10).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Most state messages per second published (default: 10).</source>
        <translation>Höchstzahl veröffentlichter Zustandsnachrichten pro Sekunde (Standard: 10).</translation>
    </message>
    <message>
        <source>Also publish Home Assistant discovery configs: the robot appears there with its sound switch.</source>
        <translation>Auch Home-Assistant-Discovery-Konfigurationen veröffentlichen: Der Roboter erscheint dort mit seinem Ton-Schalter.</translation>
    </message>
    <message>
        <source>--blackbox-minutes: expected a whole number of minutes from 0 (off) to 60, got &quot;%1&quot;</source>
        <translation>--blackbox-minutes: erwartet eine ganze Zahl von Minuten von 0 (aus) bis 60, erhalten „%1“</translation>
    </message>
    <message>
        <source>--recordings-dir: give a folder, e.g. --recordings-dir ~/robot-recordings</source>
        <translation>--recordings-dir: gib einen Ordner an, z. B. --recordings-dir ~/robot-recordings</translation>
    </message>
    <message>
        <source>--recordings-max-mb: expected a whole number of MB from 1 to 1048576, got &quot;%1&quot;</source>
        <translation>--recordings-max-mb: erwartet eine ganze Zahl von MB von 1 bis 1048576, erhalten „%1“</translation>
    </message>
    <message>
        <source>--replay: give the recording to play, e.g. --replay robot.mcap</source>
        <translation>--replay: gib die abzuspielende Aufzeichnung an, z. B. --replay robot.mcap</translation>
    </message>
    <message>
        <source>--replay cannot be combined with --simulate or --connect: it shows a recording instead</source>
        <translation>--replay lässt sich nicht mit --simulate oder --connect kombinieren: es zeigt stattdessen eine Aufzeichnung</translation>
    </message>
    <message>
        <source>--%1 needs --mqtt URL or --fleet URL</source>
        <translation>--%1 braucht --mqtt URL oder --fleet URL</translation>
    </message>
    <message>
        <source>--mqtt-homeassistant needs --mqtt URL</source>
        <translation>--mqtt-homeassistant braucht --mqtt URL</translation>
    </message>
    <message>
        <source>--robot-name: %1</source>
        <translation>--robot-name: %1</translation>
    </message>
    <message>
        <source>--mqtt-password-file: cannot read %1: %2</source>
        <translation>--mqtt-password-file: %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>--mqtt-password-file: %1 is empty; write the password on its first line</source>
        <translation>--mqtt-password-file: %1 ist leer; schreibe das Passwort in die erste Zeile</translation>
    </message>
    <message>
        <source>--mqtt-cafile is for TLS: write the broker as mqtts://HOST (port 8883 by default)</source>
        <translation>--mqtt-cafile ist für TLS: schreibe den Broker als mqtts://HOST (standardmäßig Port 8883)</translation>
    </message>
    <message>
        <source>--mqtt-cafile: %1 does not exist; give the CA certificate (PEM) that signed the broker&apos;s</source>
        <translation>--mqtt-cafile: %1 gibt es nicht; gib das CA-Zertifikat (PEM) an, das das Zertifikat des Brokers signiert hat</translation>
    </message>
    <message>
        <source>--mqtt-keepalive: expected whole seconds from 5 to 3600, got &quot;%1&quot;</source>
        <translation>--mqtt-keepalive: erwartet ganze Sekunden von 5 bis 3600, erhalten „%1“</translation>
    </message>
    <message>
        <source>--mqtt-rate: expected a rate in Hz from 0.1 to 1000, got &quot;%1&quot;</source>
        <translation>--mqtt-rate: erwartet eine Rate in Hz von 0.1 bis 1000, erhalten „%1“</translation>
    </message>
    <message>
        <source>--fleet shows every robot of a broker: it cannot be combined with --connect, --simulate, --mqtt, --record or --replay (start those in another omniscient)</source>
        <translation>--fleet zeigt jeden Roboter eines Brokers: es lässt sich nicht mit --connect, --simulate, --mqtt, --record oder --replay kombinieren (starte diese in einem anderen omniscient)</translation>
    </message>
    <message>
        <source>--fleet --headless serves the fleet on its port: it cannot be combined with --no-server</source>
        <translation>--fleet --headless bietet die Flotte auf seinem Port an: es lässt sich nicht mit --no-server kombinieren</translation>
    </message>
</context>
<context>
    <name>omni::app::Runtime</name>
    <message>
        <source>cannot create the simulated robot&apos;s shared memory %1: %2</source>
        <translation>der gemeinsame Speicher %1 des simulierten Roboters lässt sich nicht anlegen: %2</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address; give one of this machine&apos;s addresses, or localhost</source>
        <translation>--bind: „%1“ ist keine IP-Adresse; geben Sie eine Adresse dieses Rechners an oder localhost</translation>
    </message>
    <message>
        <source>port %1 is in use; choose another with --port</source>
        <translation>Port %1 ist belegt; wählen Sie mit --port einen anderen</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine; choose another with --bind</source>
        <translation>%1 ist keine Adresse dieses Rechners; wählen Sie mit --bind eine andere</translation>
    </message>
    <message>
        <source>port %1 needs administrator rights; choose one above 1023 with --port</source>
        <translation>Port %1 braucht Administratorrechte; wählen Sie mit --port einen über 1023</translation>
    </message>
    <message>
        <source>cannot serve the dashboard: %1</source>
        <translation>das Dashboard lässt sich nicht anbieten: %1</translation>
    </message>
    <message>
        <source>omniscient: the dashboard is served on port %1; open it in a browser:</source>
        <translation>omniscient: Das Dashboard läuft auf Port %1; öffnen Sie es in einem Browser:</translation>
    </message>
    <message>
        <source>  (this server needs its access token: add ?token=TOKEN to the address)</source>
        <translation>  (dieser Server braucht sein Zugangstoken: hängen Sie ?token=TOKEN an die Adresse an)</translation>
    </message>
    <message>
        <source>--record: %1</source>
        <translation>--record: %1</translation>
    </message>
    <message>
        <source>the recording stopped: %1</source>
        <translation>die Aufzeichnung wurde beendet: %1</translation>
    </message>
    <message>
        <source>omniscient: the fleet of %1 is at /fleet on port %2</source>
        <translation>omniscient: Die Flotte von %1 ist unter /fleet auf Port %2</translation>
    </message>
    <message>
        <source>cannot replay: %1</source>
        <translation>Wiedergabe nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>omni::audio::SampleLibrary</name>
    <message>
        <source>--sound-dir %1: no such folder; the built-in clucks play instead</source>
        <translation>--sound-dir %1: diesen Ordner gibt es nicht; stattdessen gackern die eingebauten Töne</translation>
    </message>
    <message>
        <source>--sound-dir %1 has no .wav, .ogg or .mp3 file; the built-in clucks play instead</source>
        <translation>--sound-dir %1 enthält keine .wav-, .ogg- oder .mp3-Datei; stattdessen gackern die eingebauten Töne</translation>
    </message>
    <message>
        <source>--sound-dir %1: cannot make a temporary folder for the decoded sounds (%2); the built-in clucks play instead</source>
        <translation>--sound-dir %1: kein temporärer Ordner für die dekodierten Töne möglich (%2); stattdessen gackern die eingebauten Töne</translation>
    </message>
    <message>
        <source>no sound came out of it within %1 s</source>
        <translation>innerhalb von %1 s kam kein Ton heraus</translation>
    </message>
    <message>
        <source>it holds no sound</source>
        <translation>sie enthält keinen Ton</translation>
    </message>
    <message>
        <source>it cannot be decoded</source>
        <translation>sie lässt sich nicht dekodieren</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: the file is empty</source>
        <translation>--sound-dir: %1 übersprungen: die Datei ist leer</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: larger than %2 MB</source>
        <translation>--sound-dir: %1 übersprungen: größer als %2 MB</translation>
    </message>
    <message>
        <source>cannot write its decoded copy to %1: %2</source>
        <translation>die dekodierte Kopie lässt sich nicht nach %1 schreiben: %2</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: %2</source>
        <translation>--sound-dir: %1 übersprungen: %2</translation>
    </message>
    <message>
        <source>--sound-dir %1: none of its files could be played; the built-in clucks play instead</source>
        <translation>--sound-dir %1: keine seiner Dateien ließ sich abspielen; stattdessen gackern die eingebauten Töne</translation>
    </message>
    <message>
        <source>clucks from %1: %2</source>
        <translation>Gackern aus %1: %2</translation>
    </message>
</context>
<context>
    <name>omni::audio::Voice</name>
    <message>
        <source>no audio output on this machine: the chicken is silent here (its sound switch still works, and web pages can cluck along)</source>
        <translation>keine Audioausgabe auf diesem Rechner: das Huhn bleibt hier stumm (sein Ton-Schalter wirkt weiter, und Webseiten können mitgackern)</translation>
    </message>
</context>
<context>
    <name>omni::gui</name>
    <message>
        <source>--lang %1 is not available (en, de, es, fr); using %2</source>
        <translation>--lang %1 gibt es nicht (en, de, es, fr); verwende %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::BlackboxPanel</name>
    <message>
        <source>Obstacle detected</source>
        <translation>Hindernis erkannt</translation>
    </message>
    <message>
        <source>Obstacle cleared</source>
        <translation>Hindernis weg</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Modus: %1</translation>
    </message>
    <message>
        <source>Obstacle mode: %1</source>
        <translation>Hindernismodus: %1</translation>
    </message>
    <message>
        <source>Sensor mode: %1</source>
        <translation>Sensormodus: %1</translation>
    </message>
    <message>
        <source>Sound switched on</source>
        <translation>Ton eingeschaltet</translation>
    </message>
    <message>
        <source>Sound switched off</source>
        <translation>Ton ausgeschaltet</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Noch keine Ereignisse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Save the last 10 seconds</source>
        <translation>Letzte 10 Sekunden speichern</translation>
    </message>
    <message>
        <source>Save the last minute</source>
        <translation>Letzte Minute speichern</translation>
    </message>
    <message>
        <source>Save the last 10 minutes</source>
        <translation>Letzte 10 Minuten speichern</translation>
    </message>
    <message>
        <source>Save everything kept</source>
        <translation>Alles Aufbewahrte speichern</translation>
    </message>
    <message>
        <source>Saves what the black box kept as an MCAP file in %1</source>
        <translation>Speichert, was die Blackbox aufbewahrt hat, als MCAP-Datei in %1</translation>
    </message>
    <message>
        <source>The black box is off (--blackbox-minutes 0)</source>
        <translation>Die Blackbox ist aus (--blackbox-minutes 0)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichert…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 saturated (%2 %)</source>
        <translation>%1 gesättigt (%2 %)</translation>
    </message>
    <message>
        <source>%1 no longer saturated</source>
        <translation>%1 nicht mehr gesättigt</translation>
    </message>
</context>
<context>
    <name>omni::gui::ConnectDialog</name>
    <message>
        <source>Connect to a robot</source>
        <translation>Mit einem Roboter verbinden</translation>
    </message>
    <message>
        <source>Address of the omniscient that reads the robot (for example the Raspberry Pi): a host name, an IP address, or the address its web page shows.</source>
        <translation>Adresse des omniscient, das den Roboter liest (zum Beispiel der Raspberry Pi): ein Hostname, eine IP-Adresse oder die Adresse, die seine Webseite zeigt.</translation>
    </message>
    <message>
        <source>raspberrypi.local:3001</source>
        <translation>raspberrypi.local:3001</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Type the robot&apos;s address.</source>
        <translation>Geben Sie die Adresse des Roboters ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address.</source>
        <translation>„%1“ ist keine Adresse.</translation>
    </message>
    <message>
        <source>Use ws://, wss://, http:// or https://, not %1://.</source>
        <translation>Verwenden Sie ws://, wss://, http:// oder https://, nicht %1://.</translation>
    </message>
    <message>
        <source>Will connect to %1</source>
        <translation>Verbindet mit %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::Dashboard</name>
    <message>
        <source>STALE</source>
        <translation>VERALTET</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INKOMPATIBEL</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>GETRENNT</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WARTET</translation>
    </message>
    <message>
        <source>last update %1 ago</source>
        <translation>letzte Aktualisierung vor %1</translation>
    </message>
    <message>
        <source>no state from the robot yet</source>
        <translation>noch kein Zustand vom Roboter</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Einzelheiten: %1</translation>
    </message>
    <message>
        <source>The robot seen from above, front at the top</source>
        <translation>Der Roboter von oben, vorne ist oben</translation>
    </message>
</context>
<context>
    <name>omni::gui::FleetGrid</name>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>No robot has published to this broker yet.</source>
        <translation>Noch hat kein Roboter an diesen Broker veröffentlicht.</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>zuletzt gesehen um %1</translation>
    </message>
    <message>
        <source>%1 Hz · %2 s old</source>
        <translation>%1 Hz · %2 s alt</translation>
    </message>
    <message>
        <source>last event: %1</source>
        <translation>letztes Ereignis: %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::FleetWindow</name>
    <message>
        <source>omniscient — fleet of %1</source>
        <translation>omniscient — Flotte von %1</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its mirror server %2</source>
        <translation>Dashboard von %1 über seinen Spiegelserver %2 geöffnet</translation>
    </message>
    <message>
        <source>could not open %1&apos;s dashboard</source>
        <translation>das Dashboard von %1 ließ sich nicht öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n robot(s) on %1</source>
        <translation>
            <numerusform>%n Roboter auf %1</numerusform>
            <numerusform>%n Roboter auf %1</numerusform>
        </translation>
    </message>
    <message>
        <source>broker %1: %2; retrying</source>
        <translation>Broker %1: %2; neuer Versuch</translation>
    </message>
    <message>
        <source>it gives no dashboard address (it runs with --no-server)</source>
        <translation>es nennt keine Dashboard-Adresse (es läuft mit --no-server)</translation>
    </message>
    <message>
        <source>looking for %1&apos;s dashboard at %2…</source>
        <translation>suche das Dashboard von %1 unter %2 …</translation>
    </message>
    <message>
        <source>its dashboard at %1 does not answer</source>
        <translation>sein Dashboard unter %1 antwortet nicht</translation>
    </message>
    <message>
        <source>%1 — from MQTT</source>
        <translation>%1 — über MQTT</translation>
    </message>
    <message>
        <source>%1&apos;s states as the broker brings them, at most its --mqtt-rate a second: %2</source>
        <translation>Zustände von %1, wie der Broker sie bringt, höchstens --mqtt-rate pro Sekunde: %2</translation>
    </message>
    <message>
        <source>Its sound is switched on the robot&apos;s own page, not over MQTT</source>
        <translation>Der Ton wird auf der eigenen Seite des Roboters geschaltet, nicht über MQTT</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its MQTT state: %2</source>
        <translation>Dashboard von %1 aus seinem MQTT-Zustand geöffnet: %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::InfoPanel</name>
    <message>
        <source>omni chicken info</source>
        <translation>Omni-Huhn-Info</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Betriebsart</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Obstacle</source>
        <translation>Hindernis</translation>
    </message>
    <message>
        <source>Obstacle mode</source>
        <translation>Hindernismodus</translation>
    </message>
    <message>
        <source>Sensor mode</source>
        <translation>Sensormodus</translation>
    </message>
    <message>
        <source>Robot link</source>
        <translation>Roboterverbindung</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Publish rate</source>
        <translation>Senderate</translation>
    </message>
    <message>
        <source>State age</source>
        <translation>Alter des Zustands</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Last 30 seconds</source>
        <translation>Letzte 30 Sekunden</translation>
    </message>
    <message>
        <source>Motor power</source>
        <translation>Motorleistung</translation>
    </message>
    <message>
        <source>Line sensors</source>
        <translation>Liniensensoren</translation>
    </message>
    <message>
        <source>Chicken sounds on or off, for everyone watching this robot</source>
        <translation>Hühnergeräusche an oder aus, für alle, die diesen Roboter beobachten</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>unten</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>GETRENNT</translation>
    </message>
    <message>
        <source>Chicken sounds: on</source>
        <translation>Hühnergeräusche: an</translation>
    </message>
    <message>
        <source>Chicken sounds: off</source>
        <translation>Hühnergeräusche: aus</translation>
    </message>
</context>
<context>
    <name>omni::gui::KioskGuard</name>
    <message>
        <source>Keep holding to leave the kiosk: %1 s</source>
        <translation>Weiter gedrückt halten, um den Kiosk zu verlassen: %1 s</translation>
    </message>
</context>
<context>
    <name>omni::gui::Legend</name>
    <message>
        <source>Omni wheel, power, spin</source>
        <translation>Omni-Rad, Leistung, Drehsinn</translation>
    </message>
    <message>
        <source>Obstacle sensor</source>
        <translation>Hindernissensor</translation>
    </message>
    <message>
        <source>Front line sensor</source>
        <translation>Vorderer Liniensensor</translation>
    </message>
    <message>
        <source>Steering left/right</source>
        <translation>Lenkt links/rechts</translation>
    </message>
    <message>
        <source>Obstacle detected</source>
        <translation>Hindernis erkannt</translation>
    </message>
    <message>
        <source>Edge line sensor (no data)</source>
        <translation>Randsensor (keine Daten)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect to a robot…</source>
        <translation>Mit einem Roboter &amp;verbinden …</translation>
    </message>
    <message>
        <source>&amp;Recent robots</source>
        <translation>&amp;Zuletzt verwendete Roboter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Ton</translation>
    </message>
    <message>
        <source>Chicken sounds (for everyone watching)</source>
        <translation>Hühnergeräusche (für alle Zuschauer)</translation>
    </message>
    <message>
        <source>Mute this computer</source>
        <translation>Diesen Rechner stumm schalten</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <source>Muted on this computer (Sound menu).</source>
        <translation>Auf diesem Rechner stumm (Menü Ton).</translation>
    </message>
    <message>
        <source>omniscient — %1</source>
        <translation>omniscient — %1</translation>
    </message>
    <message>
        <source>&amp;Open recording…</source>
        <translation>&amp;Aufzeichnung öffnen…</translation>
    </message>
    <message>
        <source>omniscient — replay of %1</source>
        <translation>omniscient — Wiedergabe von %1</translation>
    </message>
    <message>
        <source>Cannot open the recording</source>
        <translation>Die Aufzeichnung lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>MCAP recordings (*.mcap);;All files (*)</source>
        <translation>MCAP-Aufzeichnungen (*.mcap);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MqttIndicator</name>
    <message>
        <source>MQTT: publishing to %1</source>
        <translation>MQTT: veröffentlicht an %1</translation>
    </message>
    <message>
        <source>MQTT: connecting to %1…</source>
        <translation>MQTT: verbinde mit %1…</translation>
    </message>
    <message>
        <source>MQTT: %1 is unreachable; retrying</source>
        <translation>MQTT: %1 ist nicht erreichbar; neuer Versuch</translation>
    </message>
    <message>
        <source>MQTT: %1 refused the user or password; retrying</source>
        <translation>MQTT: %1 hat Benutzer oder Passwort abgelehnt; neuer Versuch</translation>
    </message>
    <message>
        <source>MQTT: the TLS certificate of %1 is not trusted (--mqtt-cafile); retrying</source>
        <translation>MQTT: dem TLS-Zertifikat von %1 wird nicht vertraut (--mqtt-cafile); neuer Versuch</translation>
    </message>
</context>
<context>
    <name>omni::gui::RobotPainter</name>
    <message>
        <source>FRONT</source>
        <translation>VORNE</translation>
    </message>
    <message>
        <source>OBSTACLE</source>
        <translation>HINDERNIS</translation>
    </message>
</context>
<context>
    <name>omni::gui::RobotView</name>
    <message>
        <source>Edge line sensor: no data (no field of the robot&apos;s state feeds it)</source>
        <translation>Randsensor: keine Daten (kein Feld des Roboterzustands speist ihn)</translation>
    </message>
    <message>
        <source>No sensor here: this robot has four line sensors</source>
        <translation>Hier ist kein Sensor: Dieser Roboter hat vier Liniensensoren</translation>
    </message>
    <message>
        <source>Line sensor [%1]: on the line</source>
        <translation>Liniensensor [%1]: auf der Linie</translation>
    </message>
    <message>
        <source>Line sensor [%1]: off the line</source>
        <translation>Liniensensor [%1]: neben der Linie</translation>
    </message>
    <message>
        <source>Line sensor [%1]: %2 (neither 0 nor 1)</source>
        <translation>Liniensensor [%1]: %2 (weder 0 noch 1)</translation>
    </message>
</context>
<context>
    <name>omni::gui::StatusText</name>
    <message>
        <source>unknown (%1)</source>
        <translation>unbekannt (%1)</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>vorwärts</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>rückwärts</translation>
    </message>
    <message>
        <source>rotate left</source>
        <translation>links drehen</translation>
    </message>
    <message>
        <source>rotate right</source>
        <translation>rechts drehen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>line following</source>
        <translation>Linienverfolgung</translation>
    </message>
    <message>
        <source>obstacle tracking</source>
        <translation>Hindernisverfolgung</translation>
    </message>
    <message>
        <source>manual control</source>
        <translation>manuelle Steuerung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>not in the 56-byte layout</source>
        <translation>nicht im 56-Byte-Layout</translation>
    </message>
    <message>
        <source>obstacle avoidance</source>
        <translation>Hindernisvermeidung</translation>
    </message>
    <message>
        <source>4 sensor mapped</source>
        <translation>4 Sensoren, zugeordnet</translation>
    </message>
    <message>
        <source>5 sensor weighted</source>
        <translation>5 Sensoren, gewichtet</translation>
    </message>
    <message>
        <source>2 sensor simple</source>
        <translation>2 Sensoren, einfach</translation>
    </message>
    <message>
        <source>driving forward</source>
        <translation>fährt vorwärts</translation>
    </message>
    <message>
        <source>reversing</source>
        <translation>fährt rückwärts</translation>
    </message>
    <message>
        <source>rotating left</source>
        <translation>dreht nach links</translation>
    </message>
    <message>
        <source>rotating right</source>
        <translation>dreht nach rechts</translation>
    </message>
    <message>
        <source>steering left</source>
        <translation>lenkt nach links</translation>
    </message>
    <message>
        <source>steering right</source>
        <translation>lenkt nach rechts</translation>
    </message>
    <message>
        <source>avoiding an obstacle</source>
        <translation>weicht einem Hindernis aus</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>incompatible</source>
        <translation>inkompatibel</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>cannot reach the server</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>access token refused</source>
        <translation>Zugangstoken abgelehnt</translation>
    </message>
    <message>
        <source>incompatible server</source>
        <translation>inkompatibler Server</translation>
    </message>
    <message>
        <source>%1, which reads %2</source>
        <translation>%1, liest %2</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>left wheel</source>
        <translation>linkes Rad</translation>
    </message>
    <message>
        <source>right wheel</source>
        <translation>rechtes Rad</translation>
    </message>
    <message>
        <source>bottom wheel</source>
        <translation>unteres Rad</translation>
    </message>
    <message>
        <source>The shared memory is not in a format omniscient knows. Check that --shm names the robot&apos;s segment.</source>
        <translation>Der gemeinsame Speicher hat ein Format, das omniscient nicht kennt. Prüfen Sie, ob --shm das Segment des Roboters nennt.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses ABI %1; this omniscient reads ABI %2. Update omniscient.</source>
        <translation>Der gemeinsame Speicher des Roboters verwendet ABI %1; dieses omniscient liest ABI %2. Aktualisieren Sie omniscient.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses a newer ABI than this omniscient reads. Update omniscient.</source>
        <translation>Der gemeinsame Speicher des Roboters verwendet eine neuere ABI, als dieses omniscient liest. Aktualisieren Sie omniscient.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses the older ABI %1; this omniscient reads ABI %2. Rebuild the robot with the current omni_shm.h.</source>
        <translation>Der gemeinsame Speicher des Roboters verwendet die ältere ABI %1; dieses omniscient liest ABI %2. Bauen Sie den Roboter mit dem aktuellen omni_shm.h neu.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses an older ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>Der gemeinsame Speicher des Roboters verwendet eine ältere ABI. Bauen Sie den Roboter mit dem aktuellen omni_shm.h neu.</translation>
    </message>
    <message>
        <source>The segment&apos;s header size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>Die Kopfgröße des Segments passt nicht zu seiner ABI. Bauen Sie den Roboter mit dem aktuellen omni_shm.h neu.</translation>
    </message>
    <message>
        <source>The segment&apos;s payload size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>Die Datengröße des Segments passt nicht zu seiner ABI. Bauen Sie den Roboter mit dem aktuellen omni_shm.h neu.</translation>
    </message>
    <message>
        <source>The segment is too small for what it holds: neither a whole omniscient segment nor an original robot&apos;s 56- or 64-byte struct. Check that --shm names the robot&apos;s segment, or restart the robot&apos;s program.</source>
        <translation>Das Segment ist zu klein für seinen Inhalt: weder ein vollständiges omniscient-Segment noch die 56- oder 64-Byte-Struktur eines ursprünglichen Roboters. Prüfen Sie, ob --shm das Segment des Roboters nennt, oder starten Sie das Programm des Roboters neu.</translation>
    </message>
    <message>
        <source>The segment exists but omniscient may not read it. Check its permissions (ls -l /dev/shm).</source>
        <translation>Das Segment existiert, aber omniscient darf es nicht lesen. Prüfen Sie seine Rechte (ls -l /dev/shm).</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory cannot be read safely.</source>
        <translation>Der gemeinsame Speicher des Roboters lässt sich nicht sicher lesen.</translation>
    </message>
    <message>
        <source>Trying again in %1 s.</source>
        <translation>Neuer Versuch in %1 s.</translation>
    </message>
    <message>
        <source>NOT CONNECTED</source>
        <translation>NICHT VERBUNDEN</translation>
    </message>
    <message>
        <source>Choose File &gt; Connect to watch a robot over the network.</source>
        <translation>Wählen Sie Datei &gt; Verbinden, um einen Roboter über das Netzwerk zu beobachten.</translation>
    </message>
    <message>
        <source>CONNECTING</source>
        <translation>VERBINDET</translation>
    </message>
    <message>
        <source>Connecting to omniscient at %1…</source>
        <translation>Verbinde mit omniscient auf %1 …</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>VERBINDUNG VERLOREN</translation>
    </message>
    <message>
        <source>CANNOT REACH THE SERVER</source>
        <translation>SERVER NICHT ERREICHBAR</translation>
    </message>
    <message>
        <source>Cannot reach omniscient at %1. Is it running there, and is the address right?</source>
        <translation>omniscient auf %1 ist nicht erreichbar. Läuft es dort, und stimmt die Adresse?</translation>
    </message>
    <message>
        <source>ACCESS REFUSED</source>
        <translation>ZUGANG VERWEIGERT</translation>
    </message>
    <message>
        <source>omniscient at %1 refused the access token. Use the address it printed, including ?token=…</source>
        <translation>omniscient auf %1 hat das Zugangstoken abgelehnt. Verwenden Sie die Adresse, die es ausgegeben hat, samt ?token=…</translation>
    </message>
    <message>
        <source>INCOMPATIBLE SERVER</source>
        <translation>INKOMPATIBLER SERVER</translation>
    </message>
    <message>
        <source>omniscient at %1 speaks message schema %2; this one reads schema %3. Update the older one.</source>
        <translation>omniscient auf %1 spricht Nachrichtenschema %2; dieses liest Schema %3. Aktualisieren Sie das ältere.</translation>
    </message>
    <message>
        <source>WAITING FOR THE ROBOT</source>
        <translation>WARTE AUF DEN ROBOTER</translation>
    </message>
    <message>
        <source>Connected to %1; the robot there has not published yet.</source>
        <translation>Mit %1 verbunden; der Roboter dort hat noch nichts gesendet.</translation>
    </message>
    <message>
        <source>No shared memory &quot;%1&quot; yet. Start the robot&apos;s program (or omni-sim); omniscient picks it up by itself.</source>
        <translation>Noch kein gemeinsamer Speicher „%1“. Starten Sie das Programm des Roboters (oder omni-sim); omniscient findet ihn von selbst.</translation>
    </message>
    <message>
        <source>STALE — last update %1 ago</source>
        <translation>VERALTET — letzte Aktualisierung vor %1</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>VERALTET</translation>
    </message>
    <message>
        <source>The robot stopped publishing. Is its program still running? These values are old.</source>
        <translation>Der Roboter sendet nicht mehr. Läuft sein Programm noch? Diese Werte sind alt.</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INKOMPATIBEL</translation>
    </message>
    <message>
        <source>%1 (shared memory, omni-v1)</source>
        <translation>%1 (gemeinsamer Speicher, omni-v1)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 56-byte layout)</source>
        <translation>%1 (gemeinsamer Speicher, ursprüngliches 56-Byte-Layout)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 64-byte layout)</source>
        <translation>%1 (gemeinsamer Speicher, ursprüngliches 64-Byte-Layout)</translation>
    </message>
    <message>
        <source>%1 (shared memory)</source>
        <translation>%1 (gemeinsamer Speicher)</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>obstacle %1</source>
        <translation>Hindernis %1</translation>
    </message>
    <message>
        <source>No audio output: the chicken is silent.</source>
        <translation>Keine Audioausgabe: Das Huhn ist still.</translation>
    </message>
    <message>
        <source>No audio output found: the chicken stays silent until speakers or headphones are connected.</source>
        <translation>Keine Audioausgabe gefunden: Das Huhn bleibt still, bis Lautsprecher oder Kopfhörer angeschlossen sind.</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Aufzeichnung</translation>
    </message>
</context>
<context>
    <name>omni::gui::Timeline</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>Back one state (←)</source>
        <translation>Einen Zustand zurück (←)</translation>
    </message>
    <message>
        <source>Forward one state (→)</source>
        <translation>Einen Zustand vor (→)</translation>
    </message>
    <message>
        <source>Previous event (Page Up)</source>
        <translation>Voriges Ereignis (Bild ↑)</translation>
    </message>
    <message>
        <source>Next event (Page Down)</source>
        <translation>Nächstes Ereignis (Bild ↓)</translation>
    </message>
    <message>
        <source>Click or drag to move through the recording; the marks are events.</source>
        <translation>Klicken oder ziehen, um sich durch die Aufzeichnung zu bewegen; die Markierungen sind Ereignisse.</translation>
    </message>
    <message>
        <source>Speed (↑/↓)</source>
        <translation>Tempo (↑/↓)</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
</context>
</TS>
