<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>omni::app</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Muestra esta ayuda y termina.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Muestra la versión y termina.</translation>
    </message>
    <message>
        <source>Shared-memory segment to read (default: omnigod).</source>
        <translation>Segmento de memoria compartida que se lee (por defecto: omnigod).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>Run the built-in simulated robot through real shared memory.</source>
        <translation>Ejecuta el robot simulado integrado a través de memoria compartida real.</translation>
    </message>
    <message>
        <source>Publish rate of the simulated robot (default: 50).</source>
        <translation>Frecuencia de publicación del robot simulado (por defecto: 50).</translation>
    </message>
    <message>
        <source>HZ</source>
        <translation>HZ</translation>
    </message>
    <message>
        <source>Run without a window (reader and server only).</source>
        <translation>Funciona sin ventana (solo lector y servidor).</translation>
    </message>
    <message>
        <source>Print each new state and link change as a JSON line on stdout.</source>
        <translation>Escribe cada estado nuevo y cada cambio de enlace como una línea JSON en stdout.</translation>
    </message>
    <message>
        <source>Call the link stale after this long without a new state (default: 1000).</source>
        <translation>Considera el enlace sin datos nuevos tras este tiempo sin un estado nuevo (por defecto: 1000).</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PUERTO</translation>
    </message>
    <message>
        <source>Address to listen on (default: all interfaces).</source>
        <translation>Dirección en la que escuchar (por defecto: todas las interfaces).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>DIRECCIÓN</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Most states per second sent to each client (default: 60).</source>
        <translation>Máximo de estados por segundo enviados a cada cliente (por defecto: 60).</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>Do not serve the web dashboard.</source>
        <translation>No sirve el panel web.</translation>
    </message>
    <message>
        <source>Fullscreen touchscreen kiosk.</source>
        <translation>Quiosco a pantalla completa para pantalla táctil.</translation>
    </message>
    <message>
        <source>Show a remote robot from another omniscient&apos;s stream, e.g. ws://pi:3001/ws.</source>
        <translation>Muestra un robot remoto a partir del flujo de otro omniscient, p. ej. ws://pi:3001/ws.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Language of the interface: en, de, es, fr.</source>
        <translation>Idioma de la interfaz: en, de, es, fr.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>IDIOMA</translation>
    </message>
    <message>
        <source>More host names (comma-separated) by which browsers may use /api, /ws and /toggle-sound; localhost, IP addresses and this machine&apos;s names always work. Others are refused against DNS rebinding.</source>
        <translation>Más nombres de host (separados por comas) con los que los navegadores pueden usar /api, /ws y /toggle-sound; localhost, las direcciones IP y los nombres de esta máquina siempre funcionan. Los demás se rechazan contra el DNS rebinding.</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>NOMBRES</translation>
    </message>
    <message>
        <source>The port, as the original omniscient took it: &quot;omniscient 3002&quot; is --port 3002.</source>
        <translation>El puerto, como lo tomaba el omniscient original: «omniscient 3002» es --port 3002.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is the port</source>
        <translation>argumento inesperado «%1»: el único argumento sin opción es el puerto</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is a TCP port from 0 to 65535, as in &quot;omniscient 3002&quot;; see --help for the flags</source>
        <translation>argumento inesperado «%1»: el único argumento sin opción es un puerto TCP de 0 a 65535, como en «omniscient 3002»; las opciones están en --help</translation>
    </message>
    <message>
        <source>two ports given: --port %1 and %2; give one</source>
        <translation>se dieron dos puertos: --port %1 y %2; da uno solo</translation>
    </message>
    <message>
        <source>--allowed-hosts: &quot;%1&quot; is not a host name; give names such as robot.example, separated by commas (no port, no http://; IP addresses and localhost always work)</source>
        <translation>--allowed-hosts: «%1» no es un nombre de host; da nombres como robot.example, separados por comas (sin puerto ni http://; las direcciones IP y localhost siempre funcionan)</translation>
    </message>
    <message>
        <source>--shm: &quot;%1&quot; is not a segment name (1 to 200 characters, no &apos;/&apos; inside)</source>
        <translation>--shm: «%1» no es un nombre de segmento (de 1 a 200 caracteres, sin «/» dentro)</translation>
    </message>
    <message>
        <source>--sim-rate: expected a rate in Hz from 0.1 to 1000000, got &quot;%1&quot;</source>
        <translation>--sim-rate: se esperaba una frecuencia en Hz de 0.1 a 1000000, se recibió «%1»</translation>
    </message>
    <message>
        <source>--stale-ms: expected milliseconds from 10 to 3600000, got &quot;%1&quot;</source>
        <translation>--stale-ms: se esperaban milisegundos de 10 a 3600000, se recibió «%1»</translation>
    </message>
    <message>
        <source>--port: expected a TCP port from 0 to 65535, got &quot;%1&quot;</source>
        <translation>--port: se esperaba un puerto TCP de 0 a 65535, se recibió «%1»</translation>
    </message>
    <message>
        <source>--max-clients: expected a whole number from 1 to 100000, got &quot;%1&quot;</source>
        <translation>--max-clients: se esperaba un número entero de 1 a 100000, se recibió «%1»</translation>
    </message>
    <message>
        <source>--max-rate: expected a rate in Hz from 0.1 to 10000, got &quot;%1&quot;</source>
        <translation>--max-rate: se esperaba una frecuencia en Hz de 0.1 a 10000, se recibió «%1»</translation>
    </message>
    <message>
        <source>--connect: expected a WebSocket URL such as ws://raspberrypi:3001/ws, got &quot;%1&quot;</source>
        <translation>--connect: se esperaba una URL WebSocket como ws://raspberrypi:3001/ws, se recibió «%1»</translation>
    </message>
    <message>
        <source>--connect and --simulate cannot be combined: one shows a remote robot, the other a local one</source>
        <translation>--connect y --simulate no se pueden combinar: uno muestra un robot remoto y el otro uno local</translation>
    </message>
    <message>
        <source>no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): running headless; use --headless to say so and silence this note</source>
        <translation>no se encontró pantalla (DISPLAY, WAYLAND_DISPLAY y QT_QPA_PLATFORM no están definidas): funciona sin ventana; usa --headless para indicarlo y silenciar este aviso</translation>
    </message>
    <message>
        <source>Try &apos;omniscient --help&apos; for the options.</source>
        <translation>Prueba «omniscient --help» para ver las opciones.</translation>
    </message>
    <message>
        <source>How the reader waits for a steady robot: predict (default; a timer just after each expected publish, no system call for the robot) or futex (the robot wakes it at each publish: lower latency, one system call per publish).</source>
        <translation>Cómo espera el lector a un robot regular: predict (predeterminado; un temporizador justo después de cada publicación esperada, ninguna llamada al sistema para el robot) o futex (el robot lo despierta en cada publicación: menos latencia, una llamada al sistema por publicación).</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODO</translation>
    </message>
    <message>
        <source>--reader-wake: expected predict or futex, got &quot;%1&quot;</source>
        <translation>--reader-wake: se esperaba predict o futex, se recibió «%1»</translation>
    </message>
    <message>
        <source>Cluck with your own sounds: a random .wav, .ogg or .mp3 file of this folder each time (default: the built-in clucks).</source>
        <translation>Cacarear con tus propios sonidos: cada vez un archivo .wav, .ogg o .mp3 al azar de esta carpeta (por defecto: los incorporados).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>CARPETA</translation>
    </message>
    <message>
        <source>Play no sound on this machine (the sound switch still works, and web pages can cluck along).</source>
        <translation>No reproducir sonidos en esta máquina (el interruptor de sonido sigue funcionando y las páginas web pueden cacarear).</translation>
    </message>
    <message>
        <source>--sound-dir: give a folder with .wav, .ogg or .mp3 files</source>
        <translation>--sound-dir: indica una carpeta con archivos .wav, .ogg o .mp3</translation>
    </message>
    <message>
        <source>Read the access token from this file (first line; other local users cannot see it, unlike --token).</source>
        <translation>Leer el token de acceso de este archivo (primera línea; otros usuarios locales no lo ven, a diferencia de --token).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>Require the access token on /metrics too (Prometheus: bearer token).</source>
        <translation>Exigir el token de acceso también en /metrics (Prometheus: bearer token).</translation>
    </message>
    <message>
        <source>Record every state, link change and event into this MCAP file until omniscient exits (docs/RECORDING.md).</source>
        <translation>Grabar cada estado, cambio de enlace y evento en este archivo MCAP hasta que omniscient termine (docs/RECORDING.md).</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>MÉTODO</translation>
    </message>
    <message>
        <source>--token and --token-file cannot be combined: give the token one way</source>
        <translation>--token y --token-file no se pueden combinar: da el token de una sola forma</translation>
    </message>
    <message>
        <source>--token-file: cannot read %1: %2</source>
        <translation>--token-file: no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>--token-file: %1 is empty; write the token on its first line</source>
        <translation>--token-file: %1 está vacío; escribe el token en su primera línea</translation>
    </message>
    <message>
        <source>--protect-metrics needs a token: give --token-file, --token or OMNISCIENT_TOKEN</source>
        <translation>--protect-metrics necesita un token: da --token-file, --token u OMNISCIENT_TOKEN</translation>
    </message>
    <message>
        <source>--record: give the file to record into, e.g. --record robot.mcap</source>
        <translation>--record: indica el archivo donde grabar, p. ej. --record robot.mcap</translation>
    </message>
    <message>
        <source>--record-compression: expected zstd, lz4 or none, got &quot;%1&quot;</source>
        <translation>--record-compression: se esperaba zstd, lz4 o none, se recibió «%1»</translation>
    </message>
    <message>
        <source>Usage: omniscient export FILE.mcap --format csv|jsonl [-o OUT]</source>
        <translation>Uso: omniscient export ARCHIVO.mcap --format csv|jsonl [-o SALIDA]</translation>
    </message>
    <message>
        <source>Writes a recording&apos;s states as CSV or JSON Lines.</source>
        <translation>Escribe los estados de una grabación como CSV o JSON Lines.</translation>
    </message>
    <message>
        <source>csv (default) or jsonl.</source>
        <translation>csv (por defecto) o jsonl.</translation>
    </message>
    <message>
        <source>Where to write (default: FILE with .csv or .jsonl; - for stdout). CSV events go to OUT.events.csv.</source>
        <translation>Dónde escribir (por defecto: ARCHIVO con .csv o .jsonl; - para stdout). Los eventos CSV van a SALIDA.events.csv.</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>The recording.</source>
        <translation>La grabación.</translation>
    </message>
    <message>
        <source>give exactly one recording to export</source>
        <translation>indica exactamente una grabación para exportar</translation>
    </message>
    <message>
        <source>--format: expected csv or jsonl, got &quot;%1&quot;</source>
        <translation>--format: se esperaba csv o jsonl, se recibió «%1»</translation>
    </message>
    <message>
        <source>cannot read the recording: %1</source>
        <translation>no se puede leer la grabación: %1</translation>
    </message>
    <message>
        <source>%1 was cut short (no summary): exporting its %2 complete chunks</source>
        <translation>%1 está incompleto (sin resumen): se exportan sus %2 chunks completos</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>no se puede crear %1: %2</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>detenido: %1</translation>
    </message>
    <message>
        <source>%1 states and %2 events written to %3%4</source>
        <translation>%1 estados y %2 eventos escritos en %3%4</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source> (events: %1)</source>
        <translation> (eventos: %1)</translation>
    </message>
    <message>
        <source>omniscient watches a small robot live: it reads the robot&apos;s shared memory, shows a dashboard, and mirrors the state to browsers and other omniscient instances over one port. Foxglove and Lichtblick connect to the same port (ws://HOST:PORT, Foxglove WebSocket; see docs/FOXGLOVE.md).</source>
        <translation>omniscient observa un pequeño robot en vivo: lee la memoria compartida del robot, muestra un panel y replica el estado en navegadores y otras instancias de omniscient por un solo puerto. Foxglove y Lichtblick se conectan al mismo puerto (ws://HOST:PORT, Foxglove WebSocket; ver docs/FOXGLOVE.md).</translation>
    </message>
    <message>
        <source>TCP port of the web dashboard, its WebSocket and the Foxglove WebSocket (default: 3001).</source>
        <translation>Puerto TCP del panel web, su WebSocket y el WebSocket de Foxglove (por defecto: 3001).</translation>
    </message>
    <message>
        <source>Most WebSocket clients (/ws and Foxglove) served at once (default: 64).</source>
        <translation>Máximo de clientes WebSocket (/ws y Foxglove) atendidos a la vez (por defecto: 64).</translation>
    </message>
    <message>
        <source>Access token required by /ws, Foxglove and /api (default: $OMNISCIENT_TOKEN).</source>
        <translation>Token de acceso exigido por /ws, Foxglove y /api (por defecto: $OMNISCIENT_TOKEN).</translation>
    </message>
    <message>
        <source>How --record and saved recordings compress: zstd (default), lz4 or none.</source>
        <translation>Cómo comprimen --record y las grabaciones guardadas: zstd (por defecto), lz4 o none.</translation>
    </message>
    <message>
        <source>Keep the last M minutes of every state, link change and event in memory (0: off; at most 60; about 6 MB a minute), to save with &quot;Save the last minute&quot; or POST /api/recordings.</source>
        <translation>Guardar en memoria los últimos M minutos de cada estado, cambio de enlace y evento (0: desactivado; como máximo 60; unos 6 MB por minuto), para guardarlos con «Guardar el último minuto» o POST /api/recordings.</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Where saved recordings go (default: $XDG_DATA_HOME/omniscient/recordings).</source>
        <translation>Dónde van las grabaciones guardadas (por defecto: $XDG_DATA_HOME/omniscient/recordings).</translation>
    </message>
    <message>
        <source>Remove the oldest saved recordings when they take more than this many MB (default 1024).</source>
        <translation>Borrar las grabaciones guardadas más antiguas cuando ocupen más de estos MB (por defecto 1024).</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Play this MCAP recording instead of a robot, at its recorded pace, with a timeline (docs/RECORDING.md). &quot;omniscient export FILE.mcap --format csv|jsonl [-o OUT]&quot; writes one as CSV or JSON Lines.</source>
        <translation>Reproducir esta grabación MCAP en lugar de un robot, a su ritmo grabado, con una línea de tiempo (docs/RECORDING.md). «omniscient export ARCHIVO.mcap --format csv|jsonl [-o SALIDA]» escribe una como CSV o JSON Lines.</translation>
    </message>
    <message>
        <source>Publish this robot to an MQTT broker, e.g. mqtt://broker.local or mqtts://user@broker:8883 (the password from $OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file; docs/FLEET.md).</source>
        <translation>Publicar este robot en un broker MQTT, p. ej. mqtt://broker.local o mqtts://user@broker:8883 (la contraseña de $OMNISCIENT_MQTT_PASSWORD o --mqtt-password-file; docs/FLEET.md).</translation>
    </message>
    <message>
        <source>Show every robot publishing to this MQTT broker (with --headless: the page /fleet and /api/fleet), e.g. mqtt://broker.local.</source>
        <translation>Mostrar cada robot que publica en este broker MQTT (con --headless: la página /fleet y /api/fleet), p. ej. mqtt://broker.local.</translation>
    </message>
    <message>
        <source>This robot&apos;s name on the broker (default: the host name).</source>
        <translation>El nombre de este robot en el broker (por defecto: el nombre de host).</translation>
    </message>
    <message>
        <source>Read the broker password from this file (first line).</source>
        <translation>Leer la contraseña del broker de este archivo (primera línea).</translation>
    </message>
    <message>
        <source>For mqtts://: the CA certificate (PEM) that signed the broker&apos;s.</source>
        <translation>Para mqtts://: el certificado de CA (PEM) que firmó el del broker.</translation>
    </message>
    <message>
        <source>Seconds between keepalives; the broker declares this robot offline after 1.5 times it (default: 10).</source>
        <translation>Segundos entre keepalives; el broker declara este robot desconectado tras 1,5 veces ese tiempo (por defecto: 10).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>Most state messages per second published (default: 10).</source>
        <translation>Máximo de mensajes de estado publicados por segundo (por defecto: 10).</translation>
    </message>
    <message>
        <source>Also publish Home Assistant discovery configs: the robot appears there with its sound switch.</source>
        <translation>Publicar también las configuraciones de descubrimiento de Home Assistant: el robot aparece allí con su interruptor de sonido.</translation>
    </message>
    <message>
        <source>--blackbox-minutes: expected a whole number of minutes from 0 (off) to 60, got &quot;%1&quot;</source>
        <translation>--blackbox-minutes: se esperaba un número entero de minutos de 0 (desactivado) a 60, se recibió «%1»</translation>
    </message>
    <message>
        <source>--recordings-dir: give a folder, e.g. --recordings-dir ~/robot-recordings</source>
        <translation>--recordings-dir: indica una carpeta, p. ej. --recordings-dir ~/robot-recordings</translation>
    </message>
    <message>
        <source>--recordings-max-mb: expected a whole number of MB from 1 to 1048576, got &quot;%1&quot;</source>
        <translation>--recordings-max-mb: se esperaba un número entero de MB de 1 a 1048576, se recibió «%1»</translation>
    </message>
    <message>
        <source>--replay: give the recording to play, e.g. --replay robot.mcap</source>
        <translation>--replay: indica la grabación que reproducir, p. ej. --replay robot.mcap</translation>
    </message>
    <message>
        <source>--replay cannot be combined with --simulate or --connect: it shows a recording instead</source>
        <translation>--replay no se puede combinar con --simulate ni con --connect: muestra una grabación en su lugar</translation>
    </message>
    <message>
        <source>--%1 needs --mqtt URL or --fleet URL</source>
        <translation>--%1 necesita --mqtt URL o --fleet URL</translation>
    </message>
    <message>
        <source>--mqtt-homeassistant needs --mqtt URL</source>
        <translation>--mqtt-homeassistant necesita --mqtt URL</translation>
    </message>
    <message>
        <source>--robot-name: %1</source>
        <translation>--robot-name: %1</translation>
    </message>
    <message>
        <source>--mqtt-password-file: cannot read %1: %2</source>
        <translation>--mqtt-password-file: no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>--mqtt-password-file: %1 is empty; write the password on its first line</source>
        <translation>--mqtt-password-file: %1 está vacío; escribe la contraseña en su primera línea</translation>
    </message>
    <message>
        <source>--mqtt-cafile is for TLS: write the broker as mqtts://HOST (port 8883 by default)</source>
        <translation>--mqtt-cafile es para TLS: escribe el broker como mqtts://HOST (puerto 8883 por defecto)</translation>
    </message>
    <message>
        <source>--mqtt-cafile: %1 does not exist; give the CA certificate (PEM) that signed the broker&apos;s</source>
        <translation>--mqtt-cafile: %1 no existe; indica el certificado de CA (PEM) que firmó el del broker</translation>
    </message>
    <message>
        <source>--mqtt-keepalive: expected whole seconds from 5 to 3600, got &quot;%1&quot;</source>
        <translation>--mqtt-keepalive: se esperaban segundos enteros de 5 a 3600, se recibió «%1»</translation>
    </message>
    <message>
        <source>--mqtt-rate: expected a rate in Hz from 0.1 to 1000, got &quot;%1&quot;</source>
        <translation>--mqtt-rate: se esperaba una frecuencia en Hz de 0.1 a 1000, se recibió «%1»</translation>
    </message>
    <message>
        <source>--fleet shows every robot of a broker: it cannot be combined with --connect, --simulate, --mqtt, --record or --replay (start those in another omniscient)</source>
        <translation>--fleet muestra cada robot de un broker: no se puede combinar con --connect, --simulate, --mqtt, --record ni --replay (inícialos en otro omniscient)</translation>
    </message>
    <message>
        <source>--fleet --headless serves the fleet on its port: it cannot be combined with --no-server</source>
        <translation>--fleet --headless sirve la flota en su puerto: no se puede combinar con --no-server</translation>
    </message>
</context>
<context>
    <name>omni::app::Runtime</name>
    <message>
        <source>cannot create the simulated robot&apos;s shared memory %1: %2</source>
        <translation>no se puede crear la memoria compartida %1 del robot simulado: %2</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address; give one of this machine&apos;s addresses, or localhost</source>
        <translation>--bind: «%1» no es una dirección IP; indica una de las direcciones de esta máquina, o localhost</translation>
    </message>
    <message>
        <source>port %1 is in use; choose another with --port</source>
        <translation>el puerto %1 está en uso; elige otro con --port</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine; choose another with --bind</source>
        <translation>%1 no es una dirección de esta máquina; elige otra con --bind</translation>
    </message>
    <message>
        <source>port %1 needs administrator rights; choose one above 1023 with --port</source>
        <translation>el puerto %1 requiere permisos de administrador; elige uno por encima de 1023 con --port</translation>
    </message>
    <message>
        <source>cannot serve the dashboard: %1</source>
        <translation>no se puede servir el panel: %1</translation>
    </message>
    <message>
        <source>omniscient: the dashboard is served on port %1; open it in a browser:</source>
        <translation>omniscient: el panel se sirve en el puerto %1; ábrelo en un navegador:</translation>
    </message>
    <message>
        <source>  (this server needs its access token: add ?token=TOKEN to the address)</source>
        <translation>  (este servidor necesita su token de acceso: añade ?token=TOKEN a la dirección)</translation>
    </message>
    <message>
        <source>--record: %1</source>
        <translation>--record: %1</translation>
    </message>
    <message>
        <source>the recording stopped: %1</source>
        <translation>la grabación se detuvo: %1</translation>
    </message>
    <message>
        <source>omniscient: the fleet of %1 is at /fleet on port %2</source>
        <translation>omniscient: la flota de %1 está en /fleet en el puerto %2</translation>
    </message>
    <message>
        <source>cannot replay: %1</source>
        <translation>no se puede reproducir: %1</translation>
    </message>
</context>
<context>
    <name>omni::audio::SampleLibrary</name>
    <message>
        <source>--sound-dir %1: no such folder; the built-in clucks play instead</source>
        <translation>--sound-dir %1: no existe esa carpeta; suenan los cacareos incorporados</translation>
    </message>
    <message>
        <source>--sound-dir %1 has no .wav, .ogg or .mp3 file; the built-in clucks play instead</source>
        <translation>--sound-dir %1 no tiene ningún archivo .wav, .ogg o .mp3; suenan los cacareos incorporados</translation>
    </message>
    <message>
        <source>--sound-dir %1: cannot make a temporary folder for the decoded sounds (%2); the built-in clucks play instead</source>
        <translation>--sound-dir %1: no se puede crear una carpeta temporal para los sonidos decodificados (%2); suenan los cacareos incorporados</translation>
    </message>
    <message>
        <source>no sound came out of it within %1 s</source>
        <translation>no salió ningún sonido en %1 s</translation>
    </message>
    <message>
        <source>it holds no sound</source>
        <translation>no contiene sonido</translation>
    </message>
    <message>
        <source>it cannot be decoded</source>
        <translation>no se puede decodificar</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: the file is empty</source>
        <translation>--sound-dir: se omitió %1: el archivo está vacío</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: larger than %2 MB</source>
        <translation>--sound-dir: se omitió %1: ocupa más de %2 MB</translation>
    </message>
    <message>
        <source>cannot write its decoded copy to %1: %2</source>
        <translation>no se puede escribir su copia decodificada en %1: %2</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: %2</source>
        <translation>--sound-dir: se omitió %1: %2</translation>
    </message>
    <message>
        <source>--sound-dir %1: none of its files could be played; the built-in clucks play instead</source>
        <translation>--sound-dir %1: no se pudo reproducir ninguno de sus archivos; suenan los cacareos incorporados</translation>
    </message>
    <message>
        <source>clucks from %1: %2</source>
        <translation>cacareos de %1: %2</translation>
    </message>
</context>
<context>
    <name>omni::audio::Voice</name>
    <message>
        <source>no audio output on this machine: the chicken is silent here (its sound switch still works, and web pages can cluck along)</source>
        <translation>no hay salida de audio en esta máquina: la gallina calla aquí (su interruptor de sonido sigue funcionando y las páginas web pueden cacarear)</translation>
    </message>
</context>
<context>
    <name>omni::gui</name>
    <message>
        <source>--lang %1 is not available (en, de, es, fr); using %2</source>
        <translation>--lang %1 no está disponible (en, de, es, fr); se usa %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::BlackboxPanel</name>
    <message>
        <source>Obstacle detected</source>
        <translation>Obstáculo detectado</translation>
    </message>
    <message>
        <source>Obstacle cleared</source>
        <translation>Obstáculo despejado</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>Enlace perdido</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Enlace: %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Modo: %1</translation>
    </message>
    <message>
        <source>Obstacle mode: %1</source>
        <translation>Modo de obstáculos: %1</translation>
    </message>
    <message>
        <source>Sensor mode: %1</source>
        <translation>Modo de sensores: %1</translation>
    </message>
    <message>
        <source>Sound switched on</source>
        <translation>Sonido activado</translation>
    </message>
    <message>
        <source>Sound switched off</source>
        <translation>Sonido desactivado</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>Aún no hay eventos</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Save the last 10 seconds</source>
        <translation>Guardar los últimos 10 segundos</translation>
    </message>
    <message>
        <source>Save the last minute</source>
        <translation>Guardar el último minuto</translation>
    </message>
    <message>
        <source>Save the last 10 minutes</source>
        <translation>Guardar los últimos 10 minutos</translation>
    </message>
    <message>
        <source>Save everything kept</source>
        <translation>Guardar todo lo conservado</translation>
    </message>
    <message>
        <source>Saves what the black box kept as an MCAP file in %1</source>
        <translation>Guarda lo que conservó la caja negra como archivo MCAP en %1</translation>
    </message>
    <message>
        <source>The black box is off (--blackbox-minutes 0)</source>
        <translation>La caja negra está desactivada (--blackbox-minutes 0)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>%1 saturated (%2 %)</source>
        <translation>%1 saturada (%2 %)</translation>
    </message>
    <message>
        <source>%1 no longer saturated</source>
        <translation>%1 ya no está saturada</translation>
    </message>
</context>
<context>
    <name>omni::gui::ConnectDialog</name>
    <message>
        <source>Connect to a robot</source>
        <translation>Conectar con un robot</translation>
    </message>
    <message>
        <source>Address of the omniscient that reads the robot (for example the Raspberry Pi): a host name, an IP address, or the address its web page shows.</source>
        <translation>Dirección del omniscient que lee el robot (por ejemplo, la Raspberry Pi): un nombre de host, una dirección IP o la dirección que muestra su página web.</translation>
    </message>
    <message>
        <source>raspberrypi.local:3001</source>
        <translation>raspberrypi.local:3001</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type the robot&apos;s address.</source>
        <translation>Escribe la dirección del robot.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address.</source>
        <translation>«%1» no es una dirección.</translation>
    </message>
    <message>
        <source>Use ws://, wss://, http:// or https://, not %1://.</source>
        <translation>Usa ws://, wss://, http:// o https://, no %1://.</translation>
    </message>
    <message>
        <source>Will connect to %1</source>
        <translation>Se conectará a %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::Dashboard</name>
    <message>
        <source>STALE</source>
        <translation>SIN DATOS NUEVOS</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INCOMPATIBLE</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>DESCONECTADO</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>ESPERANDO</translation>
    </message>
    <message>
        <source>last update %1 ago</source>
        <translation>última actualización hace %1</translation>
    </message>
    <message>
        <source>no state from the robot yet</source>
        <translation>todavía no hay estado del robot</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <source>The robot seen from above, front at the top</source>
        <translation>El robot visto desde arriba, con el frente arriba</translation>
    </message>
</context>
<context>
    <name>omni::gui::FleetGrid</name>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>sin datos nuevos</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>No robot has published to this broker yet.</source>
        <translation>Ningún robot ha publicado todavía en este broker.</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>visto por última vez a las %1</translation>
    </message>
    <message>
        <source>%1 Hz · %2 s old</source>
        <translation>%1 Hz · hace %2 s</translation>
    </message>
    <message>
        <source>last event: %1</source>
        <translation>último evento: %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::FleetWindow</name>
    <message>
        <source>omniscient — fleet of %1</source>
        <translation>omniscient — flota de %1</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its mirror server %2</source>
        <translation>se abrió el panel de %1 desde su servidor espejo %2</translation>
    </message>
    <message>
        <source>could not open %1&apos;s dashboard</source>
        <translation>no se pudo abrir el panel de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n robot(s) on %1</source>
        <translation>
            <numerusform>%n robot en %1</numerusform>
            <numerusform>%n robots en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>broker %1: %2; retrying</source>
        <translation>broker %1: %2; reintentando</translation>
    </message>
    <message>
        <source>it gives no dashboard address (it runs with --no-server)</source>
        <translation>no da ninguna dirección de panel (se ejecuta con --no-server)</translation>
    </message>
    <message>
        <source>looking for %1&apos;s dashboard at %2…</source>
        <translation>buscando el panel de %1 en %2…</translation>
    </message>
    <message>
        <source>its dashboard at %1 does not answer</source>
        <translation>su panel en %1 no responde</translation>
    </message>
    <message>
        <source>%1 — from MQTT</source>
        <translation>%1 — desde MQTT</translation>
    </message>
    <message>
        <source>%1&apos;s states as the broker brings them, at most its --mqtt-rate a second: %2</source>
        <translation>los estados de %1 tal como los trae el broker, como mucho su --mqtt-rate por segundo: %2</translation>
    </message>
    <message>
        <source>Its sound is switched on the robot&apos;s own page, not over MQTT</source>
        <translation>Su sonido se cambia en la página del propio robot, no por MQTT</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its MQTT state: %2</source>
        <translation>abierto el panel de %1 desde su estado MQTT: %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::InfoPanel</name>
    <message>
        <source>omni chicken info</source>
        <translation>info del pollo omni</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Obstacle</source>
        <translation>Obstáculo</translation>
    </message>
    <message>
        <source>Obstacle mode</source>
        <translation>Modo de obstáculos</translation>
    </message>
    <message>
        <source>Sensor mode</source>
        <translation>Modo de sensores</translation>
    </message>
    <message>
        <source>Robot link</source>
        <translation>Enlace del robot</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Publish rate</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>State age</source>
        <translation>Antigüedad del estado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Last 30 seconds</source>
        <translation>Últimos 30 segundos</translation>
    </message>
    <message>
        <source>Motor power</source>
        <translation>Potencia de los motores</translation>
    </message>
    <message>
        <source>Line sensors</source>
        <translation>Sensores de línea</translation>
    </message>
    <message>
        <source>Chicken sounds on or off, for everyone watching this robot</source>
        <translation>Sonidos de gallina sí o no, para todos los que observan este robot</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierda</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecha</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>inferior</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>DESCONECTADO</translation>
    </message>
    <message>
        <source>Chicken sounds: on</source>
        <translation>Sonidos de gallina: sí</translation>
    </message>
    <message>
        <source>Chicken sounds: off</source>
        <translation>Sonidos de gallina: no</translation>
    </message>
</context>
<context>
    <name>omni::gui::KioskGuard</name>
    <message>
        <source>Keep holding to leave the kiosk: %1 s</source>
        <translation>Mantén pulsado para salir del quiosco: %1 s</translation>
    </message>
</context>
<context>
    <name>omni::gui::Legend</name>
    <message>
        <source>Omni wheel, power, spin</source>
        <translation>Rueda omni, potencia, giro</translation>
    </message>
    <message>
        <source>Obstacle sensor</source>
        <translation>Sensor de obstáculos</translation>
    </message>
    <message>
        <source>Front line sensor</source>
        <translation>Sensor de línea frontal</translation>
    </message>
    <message>
        <source>Steering left/right</source>
        <translation>Corrige izquierda/derecha</translation>
    </message>
    <message>
        <source>Obstacle detected</source>
        <translation>Obstáculo detectado</translation>
    </message>
    <message>
        <source>Edge line sensor (no data)</source>
        <translation>Sensor de borde (sin datos)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Connect to a robot…</source>
        <translation>&amp;Conectar con un robot…</translation>
    </message>
    <message>
        <source>&amp;Recent robots</source>
        <translation>Robots &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>C&amp;olores</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>So&amp;nido</translation>
    </message>
    <message>
        <source>Chicken sounds (for everyone watching)</source>
        <translation>Sonidos de gallina (para todos los que observan)</translation>
    </message>
    <message>
        <source>Mute this computer</source>
        <translation>Silenciar este ordenador</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(ninguno todavía)</translation>
    </message>
    <message>
        <source>Muted on this computer (Sound menu).</source>
        <translation>Silenciado en este ordenador (menú Sonido).</translation>
    </message>
    <message>
        <source>omniscient — %1</source>
        <translation>omniscient — %1</translation>
    </message>
    <message>
        <source>&amp;Open recording…</source>
        <translation>&amp;Abrir grabación…</translation>
    </message>
    <message>
        <source>omniscient — replay of %1</source>
        <translation>omniscient — reproducción de %1</translation>
    </message>
    <message>
        <source>Cannot open the recording</source>
        <translation>No se puede abrir la grabación</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Abrir grabación</translation>
    </message>
    <message>
        <source>MCAP recordings (*.mcap);;All files (*)</source>
        <translation>Grabaciones MCAP (*.mcap);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MqttIndicator</name>
    <message>
        <source>MQTT: publishing to %1</source>
        <translation>MQTT: publicando en %1</translation>
    </message>
    <message>
        <source>MQTT: connecting to %1…</source>
        <translation>MQTT: conectando con %1…</translation>
    </message>
    <message>
        <source>MQTT: %1 is unreachable; retrying</source>
        <translation>MQTT: %1 no es accesible; reintentando</translation>
    </message>
    <message>
        <source>MQTT: %1 refused the user or password; retrying</source>
        <translation>MQTT: %1 rechazó el usuario o la contraseña; reintentando</translation>
    </message>
    <message>
        <source>MQTT: the TLS certificate of %1 is not trusted (--mqtt-cafile); retrying</source>
        <translation>MQTT: el certificado TLS de %1 no es de confianza (--mqtt-cafile); reintentando</translation>
    </message>
</context>
<context>
    <name>omni::gui::RobotPainter</name>
    <message>
        <source>FRONT</source>
        <translation>FRENTE</translation>
    </message>
    <message>
        <source>OBSTACLE</source>
        <translation>OBSTÁCULO</translation>
    </message>
</context>
<context>
    <name>omni::gui::RobotView</name>
    <message>
        <source>Edge line sensor: no data (no field of the robot&apos;s state feeds it)</source>
        <translation>Sensor de borde: sin datos (ningún campo del estado del robot lo alimenta)</translation>
    </message>
    <message>
        <source>No sensor here: this robot has four line sensors</source>
        <translation>Aquí no hay sensor: este robot tiene cuatro sensores de línea</translation>
    </message>
    <message>
        <source>Line sensor [%1]: on the line</source>
        <translation>Sensor de línea [%1]: sobre la línea</translation>
    </message>
    <message>
        <source>Line sensor [%1]: off the line</source>
        <translation>Sensor de línea [%1]: fuera de la línea</translation>
    </message>
    <message>
        <source>Line sensor [%1]: %2 (neither 0 nor 1)</source>
        <translation>Sensor de línea [%1]: %2 (ni 0 ni 1)</translation>
    </message>
</context>
<context>
    <name>omni::gui::StatusText</name>
    <message>
        <source>unknown (%1)</source>
        <translation>desconocido (%1)</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>adelante</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>atrás</translation>
    </message>
    <message>
        <source>rotate left</source>
        <translation>girar a la izquierda</translation>
    </message>
    <message>
        <source>rotate right</source>
        <translation>girar a la derecha</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>line following</source>
        <translation>seguimiento de línea</translation>
    </message>
    <message>
        <source>obstacle tracking</source>
        <translation>seguimiento de obstáculos</translation>
    </message>
    <message>
        <source>manual control</source>
        <translation>control manual</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>detectado</translation>
    </message>
    <message>
        <source>not in the 56-byte layout</source>
        <translation>no existe en el formato de 56 bytes</translation>
    </message>
    <message>
        <source>obstacle avoidance</source>
        <translation>evasión de obstáculos</translation>
    </message>
    <message>
        <source>4 sensor mapped</source>
        <translation>4 sensores, mapeados</translation>
    </message>
    <message>
        <source>5 sensor weighted</source>
        <translation>5 sensores, ponderados</translation>
    </message>
    <message>
        <source>2 sensor simple</source>
        <translation>2 sensores, simple</translation>
    </message>
    <message>
        <source>driving forward</source>
        <translation>avanzando</translation>
    </message>
    <message>
        <source>reversing</source>
        <translation>retrocediendo</translation>
    </message>
    <message>
        <source>rotating left</source>
        <translation>girando a la izquierda</translation>
    </message>
    <message>
        <source>rotating right</source>
        <translation>girando a la derecha</translation>
    </message>
    <message>
        <source>steering left</source>
        <translation>corrigiendo a la izquierda</translation>
    </message>
    <message>
        <source>steering right</source>
        <translation>corrigiendo a la derecha</translation>
    </message>
    <message>
        <source>avoiding an obstacle</source>
        <translation>esquivando un obstáculo</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>esperando</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en vivo</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>sin datos nuevos</translation>
    </message>
    <message>
        <source>incompatible</source>
        <translation>incompatible</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>cannot reach the server</source>
        <translation>servidor inalcanzable</translation>
    </message>
    <message>
        <source>access token refused</source>
        <translation>token de acceso rechazado</translation>
    </message>
    <message>
        <source>incompatible server</source>
        <translation>servidor incompatible</translation>
    </message>
    <message>
        <source>%1, which reads %2</source>
        <translation>%1, que lee %2</translation>
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
        <translation>rueda izquierda</translation>
    </message>
    <message>
        <source>right wheel</source>
        <translation>rueda derecha</translation>
    </message>
    <message>
        <source>bottom wheel</source>
        <translation>rueda inferior</translation>
    </message>
    <message>
        <source>The shared memory is not in a format omniscient knows. Check that --shm names the robot&apos;s segment.</source>
        <translation>La memoria compartida tiene un formato que omniscient no conoce. Comprueba que --shm nombra el segmento del robot.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses ABI %1; this omniscient reads ABI %2. Update omniscient.</source>
        <translation>La memoria compartida del robot usa la ABI %1; este omniscient lee la ABI %2. Actualiza omniscient.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses a newer ABI than this omniscient reads. Update omniscient.</source>
        <translation>La memoria compartida del robot usa una ABI más nueva de la que lee este omniscient. Actualiza omniscient.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses the older ABI %1; this omniscient reads ABI %2. Rebuild the robot with the current omni_shm.h.</source>
        <translation>La memoria compartida del robot usa la ABI antigua %1; este omniscient lee la ABI %2. Recompila el robot con el omni_shm.h actual.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses an older ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>La memoria compartida del robot usa una ABI antigua. Recompila el robot con el omni_shm.h actual.</translation>
    </message>
    <message>
        <source>The segment&apos;s header size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>El tamaño de cabecera del segmento no coincide con su ABI. Recompila el robot con el omni_shm.h actual.</translation>
    </message>
    <message>
        <source>The segment&apos;s payload size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>El tamaño de datos del segmento no coincide con su ABI. Recompila el robot con el omni_shm.h actual.</translation>
    </message>
    <message>
        <source>The segment is too small for what it holds: neither a whole omniscient segment nor an original robot&apos;s 56- or 64-byte struct. Check that --shm names the robot&apos;s segment, or restart the robot&apos;s program.</source>
        <translation>El segmento es demasiado pequeño para lo que contiene: ni un segmento completo de omniscient ni la estructura de 56 o 64 bytes de un robot original. Comprueba que --shm nombra el segmento del robot o reinicia el programa del robot.</translation>
    </message>
    <message>
        <source>The segment exists but omniscient may not read it. Check its permissions (ls -l /dev/shm).</source>
        <translation>El segmento existe, pero omniscient no tiene permiso para leerlo. Revisa sus permisos (ls -l /dev/shm).</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory cannot be read safely.</source>
        <translation>La memoria compartida del robot no se puede leer de forma segura.</translation>
    </message>
    <message>
        <source>Trying again in %1 s.</source>
        <translation>Nuevo intento en %1 s.</translation>
    </message>
    <message>
        <source>NOT CONNECTED</source>
        <translation>SIN CONEXIÓN</translation>
    </message>
    <message>
        <source>Choose File &gt; Connect to watch a robot over the network.</source>
        <translation>Elige Archivo &gt; Conectar para observar un robot por la red.</translation>
    </message>
    <message>
        <source>CONNECTING</source>
        <translation>CONECTANDO</translation>
    </message>
    <message>
        <source>Connecting to omniscient at %1…</source>
        <translation>Conectando con omniscient en %1…</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>CONEXIÓN PERDIDA</translation>
    </message>
    <message>
        <source>CANNOT REACH THE SERVER</source>
        <translation>SERVIDOR INALCANZABLE</translation>
    </message>
    <message>
        <source>Cannot reach omniscient at %1. Is it running there, and is the address right?</source>
        <translation>No se puede contactar con omniscient en %1. ¿Está en marcha allí y es correcta la dirección?</translation>
    </message>
    <message>
        <source>ACCESS REFUSED</source>
        <translation>ACCESO DENEGADO</translation>
    </message>
    <message>
        <source>omniscient at %1 refused the access token. Use the address it printed, including ?token=…</source>
        <translation>omniscient en %1 rechazó el token de acceso. Usa la dirección que mostró, con ?token=…</translation>
    </message>
    <message>
        <source>INCOMPATIBLE SERVER</source>
        <translation>SERVIDOR INCOMPATIBLE</translation>
    </message>
    <message>
        <source>omniscient at %1 speaks message schema %2; this one reads schema %3. Update the older one.</source>
        <translation>omniscient en %1 usa el esquema de mensajes %2; este lee el esquema %3. Actualiza el más antiguo.</translation>
    </message>
    <message>
        <source>WAITING FOR THE ROBOT</source>
        <translation>ESPERANDO AL ROBOT</translation>
    </message>
    <message>
        <source>Connected to %1; the robot there has not published yet.</source>
        <translation>Conectado a %1; el robot de allí todavía no ha publicado nada.</translation>
    </message>
    <message>
        <source>No shared memory &quot;%1&quot; yet. Start the robot&apos;s program (or omni-sim); omniscient picks it up by itself.</source>
        <translation>Todavía no hay memoria compartida «%1». Inicia el programa del robot (u omni-sim); omniscient lo detecta solo.</translation>
    </message>
    <message>
        <source>STALE — last update %1 ago</source>
        <translation>SIN DATOS NUEVOS — última actualización hace %1</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>SIN DATOS NUEVOS</translation>
    </message>
    <message>
        <source>The robot stopped publishing. Is its program still running? These values are old.</source>
        <translation>El robot dejó de publicar. ¿Sigue en marcha su programa? Estos valores son antiguos.</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INCOMPATIBLE</translation>
    </message>
    <message>
        <source>%1 (shared memory, omni-v1)</source>
        <translation>%1 (memoria compartida, omni-v1)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 56-byte layout)</source>
        <translation>%1 (memoria compartida, formato original de 56 bytes)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 64-byte layout)</source>
        <translation>%1 (memoria compartida, formato original de 64 bytes)</translation>
    </message>
    <message>
        <source>%1 (shared memory)</source>
        <translation>%1 (memoria compartida)</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>obstacle %1</source>
        <translation>obstáculo %1</translation>
    </message>
    <message>
        <source>No audio output: the chicken is silent.</source>
        <translation>Sin salida de audio: la gallina está callada.</translation>
    </message>
    <message>
        <source>No audio output found: the chicken stays silent until speakers or headphones are connected.</source>
        <translation>No se encontró ninguna salida de audio: la gallina se queda callada hasta que se conecten altavoces o auriculares.</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>grabación</translation>
    </message>
</context>
<context>
    <name>omni::gui::Timeline</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pausa (Espacio)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Reproducir (Espacio)</translation>
    </message>
    <message>
        <source>Back one state (←)</source>
        <translation>Un estado atrás (←)</translation>
    </message>
    <message>
        <source>Forward one state (→)</source>
        <translation>Un estado adelante (→)</translation>
    </message>
    <message>
        <source>Previous event (Page Up)</source>
        <translation>Evento anterior (RePág)</translation>
    </message>
    <message>
        <source>Next event (Page Down)</source>
        <translation>Evento siguiente (AvPág)</translation>
    </message>
    <message>
        <source>Click or drag to move through the recording; the marks are events.</source>
        <translation>Haz clic o arrastra para moverte por la grabación; las marcas son eventos.</translation>
    </message>
    <message>
        <source>Speed (↑/↓)</source>
        <translation>Velocidad (↑/↓)</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Repetir</translation>
    </message>
</context>
</TS>
