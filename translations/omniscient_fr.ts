<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>omni::app</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Afficher cette aide et quitter.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Afficher la version et quitter.</translation>
    </message>
    <message>
        <source>Shared-memory segment to read (default: omnigod).</source>
        <translation>Segment de mémoire partagée à lire (par défaut : omnigod).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Run the built-in simulated robot through real shared memory.</source>
        <translation>Faire tourner le robot simulé intégré à travers une vraie mémoire partagée.</translation>
    </message>
    <message>
        <source>Publish rate of the simulated robot (default: 50).</source>
        <translation>Fréquence de publication du robot simulé (par défaut : 50).</translation>
    </message>
    <message>
        <source>HZ</source>
        <translation>HZ</translation>
    </message>
    <message>
        <source>Run without a window (reader and server only).</source>
        <translation>Tourner sans fenêtre (lecteur et serveur seulement).</translation>
    </message>
    <message>
        <source>Print each new state and link change as a JSON line on stdout.</source>
        <translation>Écrire chaque nouvel état et chaque changement de liaison en une ligne JSON sur stdout.</translation>
    </message>
    <message>
        <source>Call the link stale after this long without a new state (default: 1000).</source>
        <translation>Déclarer la liaison figée après ce délai sans nouvel état (par défaut : 1000).</translation>
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
        <translation>Adresse d’écoute (par défaut : toutes les interfaces).</translation>
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
        <translation>Nombre maximal d’états par seconde envoyés à chaque client (par défaut : 60).</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>JETON</translation>
    </message>
    <message>
        <source>Do not serve the web dashboard.</source>
        <translation>Ne pas servir le tableau de bord web.</translation>
    </message>
    <message>
        <source>Fullscreen touchscreen kiosk.</source>
        <translation>Kiosque plein écran pour écran tactile.</translation>
    </message>
    <message>
        <source>Show a remote robot from another omniscient&apos;s stream, e.g. ws://pi:3001/ws.</source>
        <translation>Afficher un robot distant à partir du flux d’un autre omniscient, p. ex. ws://pi:3001/ws.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Language of the interface: en, de, es, fr.</source>
        <translation>Langue de l’interface : en, de, es, fr.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANGUE</translation>
    </message>
    <message>
        <source>More host names (comma-separated) by which browsers may use /api, /ws and /toggle-sound; localhost, IP addresses and this machine&apos;s names always work. Others are refused against DNS rebinding.</source>
        <translation>Autres noms d’hôte (séparés par des virgules) par lesquels les navigateurs peuvent utiliser /api, /ws et /toggle-sound ; localhost, les adresses IP et les noms de cette machine fonctionnent toujours. Les autres sont refusés contre le DNS rebinding.</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>NOMS</translation>
    </message>
    <message>
        <source>The port, as the original omniscient took it: &quot;omniscient 3002&quot; is --port 3002.</source>
        <translation>Le port, comme le prenait l’omniscient d’origine : « omniscient 3002 » vaut --port 3002.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is the port</source>
        <translation>argument inattendu « %1 » : le seul argument sans option est le port</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is a TCP port from 0 to 65535, as in &quot;omniscient 3002&quot;; see --help for the flags</source>
        <translation>argument inattendu « %1 » : le seul argument sans option est un port TCP de 0 à 65535, comme dans « omniscient 3002 » ; les options sont dans --help</translation>
    </message>
    <message>
        <source>two ports given: --port %1 and %2; give one</source>
        <translation>deux ports donnés : --port %1 et %2 ; n’en donnez qu’un</translation>
    </message>
    <message>
        <source>--allowed-hosts: &quot;%1&quot; is not a host name; give names such as robot.example, separated by commas (no port, no http://; IP addresses and localhost always work)</source>
        <translation>--allowed-hosts : « %1 » n’est pas un nom d’hôte ; donnez des noms comme robot.example, séparés par des virgules (sans port ni http:// ; les adresses IP et localhost fonctionnent toujours)</translation>
    </message>
    <message>
        <source>--shm: &quot;%1&quot; is not a segment name (1 to 200 characters, no &apos;/&apos; inside)</source>
        <translation>--shm : « %1 » n’est pas un nom de segment (1 à 200 caractères, sans « / »)</translation>
    </message>
    <message>
        <source>--sim-rate: expected a rate in Hz from 0.1 to 1000000, got &quot;%1&quot;</source>
        <translation>--sim-rate : fréquence en Hz attendue de 0.1 à 1000000, reçu « %1 »</translation>
    </message>
    <message>
        <source>--stale-ms: expected milliseconds from 10 to 3600000, got &quot;%1&quot;</source>
        <translation>--stale-ms : millisecondes attendues de 10 à 3600000, reçu « %1 »</translation>
    </message>
    <message>
        <source>--port: expected a TCP port from 0 to 65535, got &quot;%1&quot;</source>
        <translation>--port : port TCP attendu de 0 à 65535, reçu « %1 »</translation>
    </message>
    <message>
        <source>--max-clients: expected a whole number from 1 to 100000, got &quot;%1&quot;</source>
        <translation>--max-clients : nombre entier attendu de 1 à 100000, reçu « %1 »</translation>
    </message>
    <message>
        <source>--max-rate: expected a rate in Hz from 0.1 to 10000, got &quot;%1&quot;</source>
        <translation>--max-rate : fréquence en Hz attendue de 0.1 à 10000, reçu « %1 »</translation>
    </message>
    <message>
        <source>--connect: expected a WebSocket URL such as ws://raspberrypi:3001/ws, got &quot;%1&quot;</source>
        <translation>--connect : URL WebSocket attendue, comme ws://raspberrypi:3001/ws, reçu « %1 »</translation>
    </message>
    <message>
        <source>--connect and --simulate cannot be combined: one shows a remote robot, the other a local one</source>
        <translation>--connect et --simulate ne se combinent pas : l’un montre un robot distant, l’autre un robot local</translation>
    </message>
    <message>
        <source>no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): running headless; use --headless to say so and silence this note</source>
        <translation>aucun affichage trouvé (DISPLAY, WAYLAND_DISPLAY et QT_QPA_PLATFORM ne sont pas définies) : fonctionnement sans fenêtre ; utilisez --headless pour le dire et faire taire cette remarque</translation>
    </message>
    <message>
        <source>Try &apos;omniscient --help&apos; for the options.</source>
        <translation>Essayez « omniscient --help » pour voir les options.</translation>
    </message>
    <message>
        <source>How the reader waits for a steady robot: predict (default; a timer just after each expected publish, no system call for the robot) or futex (the robot wakes it at each publish: lower latency, one system call per publish).</source>
        <translation>Comment le lecteur attend un robot régulier : predict (par défaut ; un minuteur juste après chaque publication attendue, aucun appel système pour le robot) ou futex (le robot le réveille à chaque publication : latence plus faible, un appel système par publication).</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>--reader-wake: expected predict or futex, got &quot;%1&quot;</source>
        <translation>--reader-wake : predict ou futex attendu, reçu « %1 »</translation>
    </message>
    <message>
        <source>Cluck with your own sounds: a random .wav, .ogg or .mp3 file of this folder each time (default: the built-in clucks).</source>
        <translation>Caqueter avec vos propres sons : à chaque fois un fichier .wav, .ogg ou .mp3 au hasard de ce dossier (par défaut : ceux intégrés).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DOSSIER</translation>
    </message>
    <message>
        <source>Play no sound on this machine (the sound switch still works, and web pages can cluck along).</source>
        <translation>Ne jouer aucun son sur cette machine (l’interrupteur du son fonctionne toujours, et les pages web peuvent caqueter).</translation>
    </message>
    <message>
        <source>--sound-dir: give a folder with .wav, .ogg or .mp3 files</source>
        <translation>--sound-dir : indiquez un dossier contenant des fichiers .wav, .ogg ou .mp3</translation>
    </message>
    <message>
        <source>Read the access token from this file (first line; other local users cannot see it, unlike --token).</source>
        <translation>Lire le jeton d’accès dans ce fichier (première ligne ; les autres utilisateurs locaux ne le voient pas, contrairement à --token).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Require the access token on /metrics too (Prometheus: bearer token).</source>
        <translation>Exiger le jeton d’accès aussi sur /metrics (Prometheus : bearer token).</translation>
    </message>
    <message>
        <source>Record every state, link change and event into this MCAP file until omniscient exits (docs/RECORDING.md).</source>
        <translation>Enregistrer chaque état, changement de liaison et événement dans ce fichier MCAP jusqu’à la fin d’omniscient (docs/RECORDING.md).</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>MÉTHODE</translation>
    </message>
    <message>
        <source>--token and --token-file cannot be combined: give the token one way</source>
        <translation>--token et --token-file ne peuvent pas être combinés : donnez le jeton d’une seule façon</translation>
    </message>
    <message>
        <source>--token-file: cannot read %1: %2</source>
        <translation>--token-file : impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>--token-file: %1 is empty; write the token on its first line</source>
        <translation>--token-file : %1 est vide ; écrivez le jeton sur sa première ligne</translation>
    </message>
    <message>
        <source>--protect-metrics needs a token: give --token-file, --token or OMNISCIENT_TOKEN</source>
        <translation>--protect-metrics demande un jeton : donnez --token-file, --token ou OMNISCIENT_TOKEN</translation>
    </message>
    <message>
        <source>--record: give the file to record into, e.g. --record robot.mcap</source>
        <translation>--record : indiquez le fichier où enregistrer, par ex. --record robot.mcap</translation>
    </message>
    <message>
        <source>--record-compression: expected zstd, lz4 or none, got &quot;%1&quot;</source>
        <translation>--record-compression : zstd, lz4 ou none attendu, reçu « %1 »</translation>
    </message>
    <message>
        <source>Usage: omniscient export FILE.mcap --format csv|jsonl [-o OUT]</source>
        <translation>Usage : omniscient export FICHIER.mcap --format csv|jsonl [-o SORTIE]</translation>
    </message>
    <message>
        <source>Writes a recording&apos;s states as CSV or JSON Lines.</source>
        <translation>Écrit les états d’un enregistrement en CSV ou en JSON Lines.</translation>
    </message>
    <message>
        <source>csv (default) or jsonl.</source>
        <translation>csv (par défaut) ou jsonl.</translation>
    </message>
    <message>
        <source>Where to write (default: FILE with .csv or .jsonl; - for stdout). CSV events go to OUT.events.csv.</source>
        <translation>Où écrire (par défaut : FICHIER avec .csv ou .jsonl ; - pour stdout). Les événements CSV vont dans SORTIE.events.csv.</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>Affiche cette aide.</translation>
    </message>
    <message>
        <source>The recording.</source>
        <translation>L’enregistrement.</translation>
    </message>
    <message>
        <source>give exactly one recording to export</source>
        <translation>indiquez exactement un enregistrement à exporter</translation>
    </message>
    <message>
        <source>--format: expected csv or jsonl, got &quot;%1&quot;</source>
        <translation>--format : csv ou jsonl attendu, reçu « %1 »</translation>
    </message>
    <message>
        <source>cannot read the recording: %1</source>
        <translation>impossible de lire l’enregistrement : %1</translation>
    </message>
    <message>
        <source>%1 was cut short (no summary): exporting its %2 complete chunks</source>
        <translation>%1 a été interrompu (pas de résumé) : export de ses %2 chunks complets</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>impossible de créer %1 : %2</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>arrêté : %1</translation>
    </message>
    <message>
        <source>%1 states and %2 events written to %3%4</source>
        <translation>%1 états et %2 événements écrits dans %3%4</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source> (events: %1)</source>
        <translation> (événements : %1)</translation>
    </message>
    <message>
        <source>omniscient watches a small robot live: it reads the robot&apos;s shared memory, shows a dashboard, and mirrors the state to browsers and other omniscient instances over one port. Foxglove and Lichtblick connect to the same port (ws://HOST:PORT, Foxglove WebSocket; see docs/FOXGLOVE.md).</source>
        <translation>omniscient observe un petit robot en direct : il lit la mémoire partagée du robot, affiche un tableau de bord et reflète l’état vers les navigateurs et d’autres instances d’omniscient sur un seul port. Foxglove et Lichtblick se connectent au même port (ws://HOST:PORT, Foxglove WebSocket ; voir docs/FOXGLOVE.md).</translation>
    </message>
    <message>
        <source>TCP port of the web dashboard, its WebSocket and the Foxglove WebSocket (default: 3001).</source>
        <translation>Port TCP du tableau de bord web, de son WebSocket et du WebSocket Foxglove (par défaut : 3001).</translation>
    </message>
    <message>
        <source>Most WebSocket clients (/ws and Foxglove) served at once (default: 64).</source>
        <translation>Nombre maximal de clients WebSocket (/ws et Foxglove) servis en même temps (par défaut : 64).</translation>
    </message>
    <message>
        <source>Access token required by /ws, Foxglove and /api (default: $OMNISCIENT_TOKEN).</source>
        <translation>Jeton d’accès exigé par /ws, Foxglove et /api (par défaut : $OMNISCIENT_TOKEN).</translation>
    </message>
    <message>
        <source>How --record and saved recordings compress: zstd (default), lz4 or none.</source>
        <translation>Compression de --record et des enregistrements sauvegardés : zstd (par défaut), lz4 ou none.</translation>
    </message>
    <message>
        <source>Keep the last M minutes of every state, link change and event in memory (0: off; at most 60; about 6 MB a minute), to save with &quot;Save the last minute&quot; or POST /api/recordings.</source>
        <translation>Garder en mémoire les M dernières minutes de chaque état, changement de liaison et événement (0 : désactivé ; 60 au plus ; environ 6 Mo par minute), à sauvegarder avec « Enregistrer la dernière minute » ou POST /api/recordings.</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Where saved recordings go (default: $XDG_DATA_HOME/omniscient/recordings).</source>
        <translation>Où vont les enregistrements sauvegardés (par défaut : $XDG_DATA_HOME/omniscient/recordings).</translation>
    </message>
    <message>
        <source>Remove the oldest saved recordings when they take more than this many MB (default 1024).</source>
        <translation>Supprimer les enregistrements sauvegardés les plus anciens quand ils occupent plus que ce nombre de Mo (par défaut 1024).</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Play this MCAP recording instead of a robot, at its recorded pace, with a timeline (docs/RECORDING.md). &quot;omniscient export FILE.mcap --format csv|jsonl [-o OUT]&quot; writes one as CSV or JSON Lines.</source>
        <translation>Lire cet enregistrement MCAP à la place d’un robot, à son rythme d’origine, avec une frise chronologique (docs/RECORDING.md). « omniscient export FICHIER.mcap --format csv|jsonl [-o SORTIE] » en écrit un en CSV ou en JSON Lines.</translation>
    </message>
    <message>
        <source>Publish this robot to an MQTT broker, e.g. mqtt://broker.local or mqtts://user@broker:8883 (the password from $OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file; docs/FLEET.md).</source>
        <translation>Publier ce robot vers un broker MQTT, par ex. mqtt://broker.local ou mqtts://user@broker:8883 (le mot de passe vient de $OMNISCIENT_MQTT_PASSWORD ou de --mqtt-password-file ; docs/FLEET.md).</translation>
    </message>
    <message>
        <source>Show every robot publishing to this MQTT broker (with --headless: the page /fleet and /api/fleet), e.g. mqtt://broker.local.</source>
        <translation>Afficher chaque robot qui publie vers ce broker MQTT (avec --headless : la page /fleet et /api/fleet), par ex. mqtt://broker.local.</translation>
    </message>
    <message>
        <source>This robot&apos;s name on the broker (default: the host name).</source>
        <translation>Le nom de ce robot sur le broker (par défaut : le nom d’hôte).</translation>
    </message>
    <message>
        <source>Read the broker password from this file (first line).</source>
        <translation>Lire le mot de passe du broker dans ce fichier (première ligne).</translation>
    </message>
    <message>
        <source>For mqtts://: the CA certificate (PEM) that signed the broker&apos;s.</source>
        <translation>Pour mqtts:// : le certificat d’AC (PEM) qui a signé celui du broker.</translation>
    </message>
    <message>
        <source>Seconds between keepalives; the broker declares this robot offline after 1.5 times it (default: 10).</source>
        <translation>Secondes entre deux keepalives ; le broker déclare ce robot hors ligne après 1,5 fois ce délai (par défaut : 10).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>Most state messages per second published (default: 10).</source>
        <translation>Nombre maximal de messages d’état publiés par seconde (par défaut : 10).</translation>
    </message>
    <message>
        <source>Also publish Home Assistant discovery configs: the robot appears there with its sound switch.</source>
        <translation>Publier aussi les configurations de découverte Home Assistant : le robot y apparaît avec son interrupteur du son.</translation>
    </message>
    <message>
        <source>--blackbox-minutes: expected a whole number of minutes from 0 (off) to 60, got &quot;%1&quot;</source>
        <translation>--blackbox-minutes : nombre entier de minutes de 0 (désactivé) à 60 attendu, reçu « %1 »</translation>
    </message>
    <message>
        <source>--recordings-dir: give a folder, e.g. --recordings-dir ~/robot-recordings</source>
        <translation>--recordings-dir : indiquez un dossier, par ex. --recordings-dir ~/robot-recordings</translation>
    </message>
    <message>
        <source>--recordings-max-mb: expected a whole number of MB from 1 to 1048576, got &quot;%1&quot;</source>
        <translation>--recordings-max-mb : nombre entier de Mo de 1 à 1048576 attendu, reçu « %1 »</translation>
    </message>
    <message>
        <source>--replay: give the recording to play, e.g. --replay robot.mcap</source>
        <translation>--replay : indiquez l’enregistrement à lire, par ex. --replay robot.mcap</translation>
    </message>
    <message>
        <source>--replay cannot be combined with --simulate or --connect: it shows a recording instead</source>
        <translation>--replay ne peut pas être combiné avec --simulate ou --connect : il affiche un enregistrement à la place</translation>
    </message>
    <message>
        <source>--%1 needs --mqtt URL or --fleet URL</source>
        <translation>--%1 demande --mqtt URL ou --fleet URL</translation>
    </message>
    <message>
        <source>--mqtt-homeassistant needs --mqtt URL</source>
        <translation>--mqtt-homeassistant demande --mqtt URL</translation>
    </message>
    <message>
        <source>--robot-name: %1</source>
        <translation>--robot-name : %1</translation>
    </message>
    <message>
        <source>--mqtt-password-file: cannot read %1: %2</source>
        <translation>--mqtt-password-file : impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>--mqtt-password-file: %1 is empty; write the password on its first line</source>
        <translation>--mqtt-password-file : %1 est vide ; écrivez le mot de passe sur sa première ligne</translation>
    </message>
    <message>
        <source>--mqtt-cafile is for TLS: write the broker as mqtts://HOST (port 8883 by default)</source>
        <translation>--mqtt-cafile sert à TLS : écrivez le broker sous la forme mqtts://HOST (port 8883 par défaut)</translation>
    </message>
    <message>
        <source>--mqtt-cafile: %1 does not exist; give the CA certificate (PEM) that signed the broker&apos;s</source>
        <translation>--mqtt-cafile : %1 n’existe pas ; indiquez le certificat d’AC (PEM) qui a signé celui du broker</translation>
    </message>
    <message>
        <source>--mqtt-keepalive: expected whole seconds from 5 to 3600, got &quot;%1&quot;</source>
        <translation>--mqtt-keepalive : secondes entières de 5 à 3600 attendues, reçu « %1 »</translation>
    </message>
    <message>
        <source>--mqtt-rate: expected a rate in Hz from 0.1 to 1000, got &quot;%1&quot;</source>
        <translation>--mqtt-rate : fréquence en Hz de 0.1 à 1000 attendue, reçu « %1 »</translation>
    </message>
    <message>
        <source>--fleet shows every robot of a broker: it cannot be combined with --connect, --simulate, --mqtt, --record or --replay (start those in another omniscient)</source>
        <translation>--fleet affiche chaque robot d’un broker : il ne peut pas être combiné avec --connect, --simulate, --mqtt, --record ou --replay (lancez-les dans un autre omniscient)</translation>
    </message>
    <message>
        <source>--fleet --headless serves the fleet on its port: it cannot be combined with --no-server</source>
        <translation>--fleet --headless sert la flotte sur son port : il ne peut pas être combiné avec --no-server</translation>
    </message>
</context>
<context>
    <name>omni::app::Runtime</name>
    <message>
        <source>cannot create the simulated robot&apos;s shared memory %1: %2</source>
        <translation>impossible de créer la mémoire partagée %1 du robot simulé : %2</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address; give one of this machine&apos;s addresses, or localhost</source>
        <translation>--bind : « %1 » n’est pas une adresse IP ; donnez une adresse de cette machine, ou localhost</translation>
    </message>
    <message>
        <source>port %1 is in use; choose another with --port</source>
        <translation>le port %1 est occupé ; choisissez-en un autre avec --port</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine; choose another with --bind</source>
        <translation>%1 n’est pas une adresse de cette machine ; choisissez-en une autre avec --bind</translation>
    </message>
    <message>
        <source>port %1 needs administrator rights; choose one above 1023 with --port</source>
        <translation>le port %1 exige les droits d’administrateur ; choisissez-en un au-dessus de 1023 avec --port</translation>
    </message>
    <message>
        <source>cannot serve the dashboard: %1</source>
        <translation>impossible de servir le tableau de bord : %1</translation>
    </message>
    <message>
        <source>omniscient: the dashboard is served on port %1; open it in a browser:</source>
        <translation>omniscient : le tableau de bord est servi sur le port %1 ; ouvrez-le dans un navigateur :</translation>
    </message>
    <message>
        <source>  (this server needs its access token: add ?token=TOKEN to the address)</source>
        <translation>  (ce serveur demande son jeton d’accès : ajoutez ?token=JETON à l’adresse)</translation>
    </message>
    <message>
        <source>--record: %1</source>
        <translation>--record : %1</translation>
    </message>
    <message>
        <source>the recording stopped: %1</source>
        <translation>l’enregistrement s’est arrêté : %1</translation>
    </message>
    <message>
        <source>omniscient: the fleet of %1 is at /fleet on port %2</source>
        <translation>omniscient : la flotte de %1 est sur /fleet au port %2</translation>
    </message>
    <message>
        <source>cannot replay: %1</source>
        <translation>impossible de rejouer : %1</translation>
    </message>
</context>
<context>
    <name>omni::audio::SampleLibrary</name>
    <message>
        <source>--sound-dir %1: no such folder; the built-in clucks play instead</source>
        <translation>--sound-dir %1 : ce dossier n’existe pas ; les caquètements intégrés sont joués à la place</translation>
    </message>
    <message>
        <source>--sound-dir %1 has no .wav, .ogg or .mp3 file; the built-in clucks play instead</source>
        <translation>--sound-dir %1 ne contient aucun fichier .wav, .ogg ou .mp3 ; les caquètements intégrés sont joués à la place</translation>
    </message>
    <message>
        <source>--sound-dir %1: cannot make a temporary folder for the decoded sounds (%2); the built-in clucks play instead</source>
        <translation>--sound-dir %1 : impossible de créer un dossier temporaire pour les sons décodés (%2) ; les caquètements intégrés sont joués à la place</translation>
    </message>
    <message>
        <source>no sound came out of it within %1 s</source>
        <translation>aucun son n’en est sorti en %1 s</translation>
    </message>
    <message>
        <source>it holds no sound</source>
        <translation>il ne contient aucun son</translation>
    </message>
    <message>
        <source>it cannot be decoded</source>
        <translation>il ne peut pas être décodé</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: the file is empty</source>
        <translation>--sound-dir : %1 ignoré : le fichier est vide</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: larger than %2 MB</source>
        <translation>--sound-dir : %1 ignoré : plus de %2 Mo</translation>
    </message>
    <message>
        <source>cannot write its decoded copy to %1: %2</source>
        <translation>impossible d’écrire sa copie décodée dans %1 : %2</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: %2</source>
        <translation>--sound-dir : %1 ignoré : %2</translation>
    </message>
    <message>
        <source>--sound-dir %1: none of its files could be played; the built-in clucks play instead</source>
        <translation>--sound-dir %1 : aucun de ses fichiers n’a pu être joué ; les caquètements intégrés sont joués à la place</translation>
    </message>
    <message>
        <source>clucks from %1: %2</source>
        <translation>caquètements de %1 : %2</translation>
    </message>
</context>
<context>
    <name>omni::audio::Voice</name>
    <message>
        <source>no audio output on this machine: the chicken is silent here (its sound switch still works, and web pages can cluck along)</source>
        <translation>aucune sortie audio sur cette machine : la poule se tait ici (son interrupteur fonctionne toujours, et les pages web peuvent caqueter)</translation>
    </message>
</context>
<context>
    <name>omni::gui</name>
    <message>
        <source>--lang %1 is not available (en, de, es, fr); using %2</source>
        <translation>--lang %1 n’est pas disponible (en, de, es, fr) ; utilisation de %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::BlackboxPanel</name>
    <message>
        <source>Obstacle detected</source>
        <translation>Obstacle détecté</translation>
    </message>
    <message>
        <source>Obstacle cleared</source>
        <translation>Obstacle disparu</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>Liaison perdue</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Liaison : %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Mode : %1</translation>
    </message>
    <message>
        <source>Obstacle mode: %1</source>
        <translation>Mode obstacle : %1</translation>
    </message>
    <message>
        <source>Sensor mode: %1</source>
        <translation>Mode capteurs : %1</translation>
    </message>
    <message>
        <source>Sound switched on</source>
        <translation>Son activé</translation>
    </message>
    <message>
        <source>Sound switched off</source>
        <translation>Son coupé</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Aucun événement pour l’instant</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Save the last 10 seconds</source>
        <translation>Enregistrer les 10 dernières secondes</translation>
    </message>
    <message>
        <source>Save the last minute</source>
        <translation>Enregistrer la dernière minute</translation>
    </message>
    <message>
        <source>Save the last 10 minutes</source>
        <translation>Enregistrer les 10 dernières minutes</translation>
    </message>
    <message>
        <source>Save everything kept</source>
        <translation>Enregistrer tout ce qui est conservé</translation>
    </message>
    <message>
        <source>Saves what the black box kept as an MCAP file in %1</source>
        <translation>Enregistre ce que la boîte noire a conservé dans un fichier MCAP dans %1</translation>
    </message>
    <message>
        <source>The black box is off (--blackbox-minutes 0)</source>
        <translation>La boîte noire est désactivée (--blackbox-minutes 0)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>%1 saturated (%2 %)</source>
        <translation>%1 saturée (%2 %)</translation>
    </message>
    <message>
        <source>%1 no longer saturated</source>
        <translation>%1 n’est plus saturée</translation>
    </message>
</context>
<context>
    <name>omni::gui::ConnectDialog</name>
    <message>
        <source>Connect to a robot</source>
        <translation>Se connecter à un robot</translation>
    </message>
    <message>
        <source>Address of the omniscient that reads the robot (for example the Raspberry Pi): a host name, an IP address, or the address its web page shows.</source>
        <translation>Adresse de l’omniscient qui lit le robot (par exemple le Raspberry Pi) : un nom d’hôte, une adresse IP ou l’adresse qu’affiche sa page web.</translation>
    </message>
    <message>
        <source>raspberrypi.local:3001</source>
        <translation>raspberrypi.local:3001</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type the robot&apos;s address.</source>
        <translation>Saisissez l’adresse du robot.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address.</source>
        <translation>« %1 » n’est pas une adresse.</translation>
    </message>
    <message>
        <source>Use ws://, wss://, http:// or https://, not %1://.</source>
        <translation>Utilisez ws://, wss://, http:// ou https://, pas %1://.</translation>
    </message>
    <message>
        <source>Will connect to %1</source>
        <translation>Connexion prévue à %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::Dashboard</name>
    <message>
        <source>STALE</source>
        <translation>FIGÉ</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INCOMPATIBLE</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>DÉCONNECTÉ</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>EN ATTENTE</translation>
    </message>
    <message>
        <source>last update %1 ago</source>
        <translation>dernière mise à jour il y a %1</translation>
    </message>
    <message>
        <source>no state from the robot yet</source>
        <translation>aucun état du robot pour l’instant</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Faits : %1</translation>
    </message>
    <message>
        <source>The robot seen from above, front at the top</source>
        <translation>Le robot vu de dessus, l’avant en haut</translation>
    </message>
</context>
<context>
    <name>omni::gui::FleetGrid</name>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>figé</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>No robot has published to this broker yet.</source>
        <translation>Aucun robot n’a encore publié vers ce broker.</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>vu pour la dernière fois à %1</translation>
    </message>
    <message>
        <source>%1 Hz · %2 s old</source>
        <translation>%1 Hz · il y a %2 s</translation>
    </message>
    <message>
        <source>last event: %1</source>
        <translation>dernier événement : %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::FleetWindow</name>
    <message>
        <source>omniscient — fleet of %1</source>
        <translation>omniscient — flotte de %1</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its mirror server %2</source>
        <translation>tableau de bord de %1 ouvert depuis son serveur miroir %2</translation>
    </message>
    <message>
        <source>could not open %1&apos;s dashboard</source>
        <translation>impossible d’ouvrir le tableau de bord de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n robot(s) on %1</source>
        <translation>
            <numerusform>%n robot sur %1</numerusform>
            <numerusform>%n robots sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>broker %1: %2; retrying</source>
        <translation>broker %1 : %2 ; nouvel essai</translation>
    </message>
    <message>
        <source>it gives no dashboard address (it runs with --no-server)</source>
        <translation>il ne donne aucune adresse de tableau de bord (il tourne avec --no-server)</translation>
    </message>
    <message>
        <source>looking for %1&apos;s dashboard at %2…</source>
        <translation>recherche du tableau de bord de %1 à %2…</translation>
    </message>
    <message>
        <source>its dashboard at %1 does not answer</source>
        <translation>son tableau de bord à %1 ne répond pas</translation>
    </message>
    <message>
        <source>%1 — from MQTT</source>
        <translation>%1 — par MQTT</translation>
    </message>
    <message>
        <source>%1&apos;s states as the broker brings them, at most its --mqtt-rate a second: %2</source>
        <translation>les états de %1 tels que le broker les apporte, au plus son --mqtt-rate par seconde : %2</translation>
    </message>
    <message>
        <source>Its sound is switched on the robot&apos;s own page, not over MQTT</source>
        <translation>Son son se règle sur la page du robot lui-même, pas par MQTT</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its MQTT state: %2</source>
        <translation>tableau de bord de %1 ouvert depuis son état MQTT : %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::InfoPanel</name>
    <message>
        <source>omni chicken info</source>
        <translation>infos du poulet omni</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Obstacle</source>
        <translation>Obstacle</translation>
    </message>
    <message>
        <source>Obstacle mode</source>
        <translation>Mode obstacle</translation>
    </message>
    <message>
        <source>Sensor mode</source>
        <translation>Mode des capteurs</translation>
    </message>
    <message>
        <source>Robot link</source>
        <translation>Liaison robot</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Publish rate</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>State age</source>
        <translation>Âge de l’état</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Last 30 seconds</source>
        <translation>30 dernières secondes</translation>
    </message>
    <message>
        <source>Motor power</source>
        <translation>Puissance des moteurs</translation>
    </message>
    <message>
        <source>Line sensors</source>
        <translation>Capteurs de ligne</translation>
    </message>
    <message>
        <source>Chicken sounds on or off, for everyone watching this robot</source>
        <translation>Bruits de poule activés ou coupés, pour tous ceux qui observent ce robot</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gauche</translation>
    </message>
    <message>
        <source>right</source>
        <translation>droite</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>DÉCONNECTÉ</translation>
    </message>
    <message>
        <source>Chicken sounds: on</source>
        <translation>Bruits de poule : activés</translation>
    </message>
    <message>
        <source>Chicken sounds: off</source>
        <translation>Bruits de poule : coupés</translation>
    </message>
</context>
<context>
    <name>omni::gui::KioskGuard</name>
    <message>
        <source>Keep holding to leave the kiosk: %1 s</source>
        <translation>Maintenez appuyé pour quitter le kiosque : %1 s</translation>
    </message>
</context>
<context>
    <name>omni::gui::Legend</name>
    <message>
        <source>Omni wheel, power, spin</source>
        <translation>Roue omni, puissance, sens</translation>
    </message>
    <message>
        <source>Obstacle sensor</source>
        <translation>Capteur d’obstacle</translation>
    </message>
    <message>
        <source>Front line sensor</source>
        <translation>Capteur de ligne avant</translation>
    </message>
    <message>
        <source>Steering left/right</source>
        <translation>Braque à gauche/droite</translation>
    </message>
    <message>
        <source>Obstacle detected</source>
        <translation>Obstacle détecté</translation>
    </message>
    <message>
        <source>Edge line sensor (no data)</source>
        <translation>Capteur de bord (sans données)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Connect to a robot…</source>
        <translation>Se &amp;connecter à un robot…</translation>
    </message>
    <message>
        <source>&amp;Recent robots</source>
        <translation>Robots &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>C&amp;ouleurs</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claires</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Plein écran</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Son</translation>
    </message>
    <message>
        <source>Chicken sounds (for everyone watching)</source>
        <translation>Bruits de poule (pour tous les spectateurs)</translation>
    </message>
    <message>
        <source>Mute this computer</source>
        <translation>Couper le son de cet ordinateur</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(aucun pour l’instant)</translation>
    </message>
    <message>
        <source>Muted on this computer (Sound menu).</source>
        <translation>Son coupé sur cet ordinateur (menu Son).</translation>
    </message>
    <message>
        <source>omniscient — %1</source>
        <translation>omniscient — %1</translation>
    </message>
    <message>
        <source>&amp;Open recording…</source>
        <translation>&amp;Ouvrir un enregistrement…</translation>
    </message>
    <message>
        <source>omniscient — replay of %1</source>
        <translation>omniscient — lecture de %1</translation>
    </message>
    <message>
        <source>Cannot open the recording</source>
        <translation>Impossible d’ouvrir l’enregistrement</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Ouvrir un enregistrement</translation>
    </message>
    <message>
        <source>MCAP recordings (*.mcap);;All files (*)</source>
        <translation>Enregistrements MCAP (*.mcap);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MqttIndicator</name>
    <message>
        <source>MQTT: publishing to %1</source>
        <translation>MQTT : publication vers %1</translation>
    </message>
    <message>
        <source>MQTT: connecting to %1…</source>
        <translation>MQTT : connexion à %1…</translation>
    </message>
    <message>
        <source>MQTT: %1 is unreachable; retrying</source>
        <translation>MQTT : %1 est injoignable ; nouvel essai</translation>
    </message>
    <message>
        <source>MQTT: %1 refused the user or password; retrying</source>
        <translation>MQTT : %1 a refusé l’utilisateur ou le mot de passe ; nouvel essai</translation>
    </message>
    <message>
        <source>MQTT: the TLS certificate of %1 is not trusted (--mqtt-cafile); retrying</source>
        <translation>MQTT : le certificat TLS de %1 n’est pas reconnu comme fiable (--mqtt-cafile) ; nouvel essai</translation>
    </message>
</context>
<context>
    <name>omni::gui::RobotPainter</name>
    <message>
        <source>FRONT</source>
        <translation>AVANT</translation>
    </message>
    <message>
        <source>OBSTACLE</source>
        <translation>OBSTACLE</translation>
    </message>
</context>
<context>
    <name>omni::gui::RobotView</name>
    <message>
        <source>Edge line sensor: no data (no field of the robot&apos;s state feeds it)</source>
        <translation>Capteur de bord : sans données (aucun champ de l’état du robot ne l’alimente)</translation>
    </message>
    <message>
        <source>No sensor here: this robot has four line sensors</source>
        <translation>Pas de capteur ici : ce robot a quatre capteurs de ligne</translation>
    </message>
    <message>
        <source>Line sensor [%1]: on the line</source>
        <translation>Capteur de ligne [%1] : sur la ligne</translation>
    </message>
    <message>
        <source>Line sensor [%1]: off the line</source>
        <translation>Capteur de ligne [%1] : hors de la ligne</translation>
    </message>
    <message>
        <source>Line sensor [%1]: %2 (neither 0 nor 1)</source>
        <translation>Capteur de ligne [%1] : %2 (ni 0 ni 1)</translation>
    </message>
</context>
<context>
    <name>omni::gui::StatusText</name>
    <message>
        <source>unknown (%1)</source>
        <translation>inconnu (%1)</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>avant</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>arrière</translation>
    </message>
    <message>
        <source>rotate left</source>
        <translation>rotation à gauche</translation>
    </message>
    <message>
        <source>rotate right</source>
        <translation>rotation à droite</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>line following</source>
        <translation>suivi de ligne</translation>
    </message>
    <message>
        <source>obstacle tracking</source>
        <translation>suivi d’obstacle</translation>
    </message>
    <message>
        <source>manual control</source>
        <translation>commande manuelle</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>détecté</translation>
    </message>
    <message>
        <source>not in the 56-byte layout</source>
        <translation>absent du format de 56 octets</translation>
    </message>
    <message>
        <source>obstacle avoidance</source>
        <translation>évitement d’obstacle</translation>
    </message>
    <message>
        <source>4 sensor mapped</source>
        <translation>4 capteurs, associés</translation>
    </message>
    <message>
        <source>5 sensor weighted</source>
        <translation>5 capteurs, pondérés</translation>
    </message>
    <message>
        <source>2 sensor simple</source>
        <translation>2 capteurs, simple</translation>
    </message>
    <message>
        <source>driving forward</source>
        <translation>avance</translation>
    </message>
    <message>
        <source>reversing</source>
        <translation>recule</translation>
    </message>
    <message>
        <source>rotating left</source>
        <translation>tourne sur place à gauche</translation>
    </message>
    <message>
        <source>rotating right</source>
        <translation>tourne sur place à droite</translation>
    </message>
    <message>
        <source>steering left</source>
        <translation>braque à gauche</translation>
    </message>
    <message>
        <source>steering right</source>
        <translation>braque à droite</translation>
    </message>
    <message>
        <source>avoiding an obstacle</source>
        <translation>évite un obstacle</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>figé</translation>
    </message>
    <message>
        <source>incompatible</source>
        <translation>incompatible</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>cannot reach the server</source>
        <translation>serveur injoignable</translation>
    </message>
    <message>
        <source>access token refused</source>
        <translation>jeton d’accès refusé</translation>
    </message>
    <message>
        <source>incompatible server</source>
        <translation>serveur incompatible</translation>
    </message>
    <message>
        <source>%1, which reads %2</source>
        <translation>%1, qui lit %2</translation>
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
        <translation>roue gauche</translation>
    </message>
    <message>
        <source>right wheel</source>
        <translation>roue droite</translation>
    </message>
    <message>
        <source>bottom wheel</source>
        <translation>roue du bas</translation>
    </message>
    <message>
        <source>The shared memory is not in a format omniscient knows. Check that --shm names the robot&apos;s segment.</source>
        <translation>La mémoire partagée a un format qu’omniscient ne connaît pas. Vérifiez que --shm désigne le segment du robot.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses ABI %1; this omniscient reads ABI %2. Update omniscient.</source>
        <translation>La mémoire partagée du robot utilise l’ABI %1 ; cet omniscient lit l’ABI %2. Mettez omniscient à jour.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses a newer ABI than this omniscient reads. Update omniscient.</source>
        <translation>La mémoire partagée du robot utilise une ABI plus récente que celle que lit cet omniscient. Mettez omniscient à jour.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses the older ABI %1; this omniscient reads ABI %2. Rebuild the robot with the current omni_shm.h.</source>
        <translation>La mémoire partagée du robot utilise l’ancienne ABI %1 ; cet omniscient lit l’ABI %2. Recompilez le robot avec l’omni_shm.h actuel.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses an older ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>La mémoire partagée du robot utilise une ancienne ABI. Recompilez le robot avec l’omni_shm.h actuel.</translation>
    </message>
    <message>
        <source>The segment&apos;s header size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>La taille d’en-tête du segment ne correspond pas à son ABI. Recompilez le robot avec l’omni_shm.h actuel.</translation>
    </message>
    <message>
        <source>The segment&apos;s payload size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>La taille des données du segment ne correspond pas à son ABI. Recompilez le robot avec l’omni_shm.h actuel.</translation>
    </message>
    <message>
        <source>The segment is too small for what it holds: neither a whole omniscient segment nor an original robot&apos;s 56- or 64-byte struct. Check that --shm names the robot&apos;s segment, or restart the robot&apos;s program.</source>
        <translation>Le segment est trop petit pour son contenu : ni un segment omniscient complet, ni la structure de 56 ou 64 octets d’un robot d’origine. Vérifiez que --shm désigne le segment du robot, ou relancez le programme du robot.</translation>
    </message>
    <message>
        <source>The segment exists but omniscient may not read it. Check its permissions (ls -l /dev/shm).</source>
        <translation>Le segment existe, mais omniscient n’a pas le droit de le lire. Vérifiez ses permissions (ls -l /dev/shm).</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory cannot be read safely.</source>
        <translation>La mémoire partagée du robot ne peut pas être lue sans risque.</translation>
    </message>
    <message>
        <source>Trying again in %1 s.</source>
        <translation>Nouvel essai dans %1 s.</translation>
    </message>
    <message>
        <source>NOT CONNECTED</source>
        <translation>NON CONNECTÉ</translation>
    </message>
    <message>
        <source>Choose File &gt; Connect to watch a robot over the network.</source>
        <translation>Choisissez Fichier &gt; Se connecter pour observer un robot par le réseau.</translation>
    </message>
    <message>
        <source>CONNECTING</source>
        <translation>CONNEXION</translation>
    </message>
    <message>
        <source>Connecting to omniscient at %1…</source>
        <translation>Connexion à omniscient sur %1…</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>CONNEXION PERDUE</translation>
    </message>
    <message>
        <source>CANNOT REACH THE SERVER</source>
        <translation>SERVEUR INJOIGNABLE</translation>
    </message>
    <message>
        <source>Cannot reach omniscient at %1. Is it running there, and is the address right?</source>
        <translation>Impossible de joindre omniscient sur %1. Tourne-t-il là-bas, et l’adresse est-elle juste ?</translation>
    </message>
    <message>
        <source>ACCESS REFUSED</source>
        <translation>ACCÈS REFUSÉ</translation>
    </message>
    <message>
        <source>omniscient at %1 refused the access token. Use the address it printed, including ?token=…</source>
        <translation>omniscient sur %1 a refusé le jeton d’accès. Utilisez l’adresse qu’il a affichée, avec ?token=…</translation>
    </message>
    <message>
        <source>INCOMPATIBLE SERVER</source>
        <translation>SERVEUR INCOMPATIBLE</translation>
    </message>
    <message>
        <source>omniscient at %1 speaks message schema %2; this one reads schema %3. Update the older one.</source>
        <translation>omniscient sur %1 parle le schéma de messages %2 ; celui-ci lit le schéma %3. Mettez à jour le plus ancien.</translation>
    </message>
    <message>
        <source>WAITING FOR THE ROBOT</source>
        <translation>EN ATTENTE DU ROBOT</translation>
    </message>
    <message>
        <source>Connected to %1; the robot there has not published yet.</source>
        <translation>Connecté à %1 ; le robot là-bas n’a encore rien publié.</translation>
    </message>
    <message>
        <source>No shared memory &quot;%1&quot; yet. Start the robot&apos;s program (or omni-sim); omniscient picks it up by itself.</source>
        <translation>Pas encore de mémoire partagée « %1 ». Lancez le programme du robot (ou omni-sim) ; omniscient le détecte tout seul.</translation>
    </message>
    <message>
        <source>STALE — last update %1 ago</source>
        <translation>FIGÉ — dernière mise à jour il y a %1</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>FIGÉ</translation>
    </message>
    <message>
        <source>The robot stopped publishing. Is its program still running? These values are old.</source>
        <translation>Le robot ne publie plus. Son programme tourne-t-il encore ? Ces valeurs sont anciennes.</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INCOMPATIBLE</translation>
    </message>
    <message>
        <source>%1 (shared memory, omni-v1)</source>
        <translation>%1 (mémoire partagée, omni-v1)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 56-byte layout)</source>
        <translation>%1 (mémoire partagée, format d’origine de 56 octets)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 64-byte layout)</source>
        <translation>%1 (mémoire partagée, format d’origine de 64 octets)</translation>
    </message>
    <message>
        <source>%1 (shared memory)</source>
        <translation>%1 (mémoire partagée)</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>obstacle %1</source>
        <translation>obstacle %1</translation>
    </message>
    <message>
        <source>No audio output: the chicken is silent.</source>
        <translation>Pas de sortie audio : la poule est muette.</translation>
    </message>
    <message>
        <source>No audio output found: the chicken stays silent until speakers or headphones are connected.</source>
        <translation>Aucune sortie audio trouvée : la poule reste muette tant qu’aucun haut-parleur ni casque n’est branché.</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>enregistrement</translation>
    </message>
</context>
<context>
    <name>omni::gui::Timeline</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Espace)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Lire (Espace)</translation>
    </message>
    <message>
        <source>Back one state (←)</source>
        <translation>Un état en arrière (←)</translation>
    </message>
    <message>
        <source>Forward one state (→)</source>
        <translation>Un état en avant (→)</translation>
    </message>
    <message>
        <source>Previous event (Page Up)</source>
        <translation>Événement précédent (Page préc.)</translation>
    </message>
    <message>
        <source>Next event (Page Down)</source>
        <translation>Événement suivant (Page suiv.)</translation>
    </message>
    <message>
        <source>Click or drag to move through the recording; the marks are events.</source>
        <translation>Cliquez ou faites glisser pour parcourir l’enregistrement ; les repères sont des événements.</translation>
    </message>
    <message>
        <source>Speed (↑/↓)</source>
        <translation>Vitesse (↑/↓)</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>En boucle</translation>
    </message>
</context>
</TS>
