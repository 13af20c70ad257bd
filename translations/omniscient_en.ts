<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>omni::app</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>Show this help and exit.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Print the version and exit.</translation>
    </message>
    <message>
        <source>Shared-memory segment to read (default: omnigod).</source>
        <translation>Shared-memory segment to read (default: omnigod).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Run the built-in simulated robot through real shared memory.</source>
        <translation>Run the built-in simulated robot through real shared memory.</translation>
    </message>
    <message>
        <source>Publish rate of the simulated robot (default: 50).</source>
        <translation>Publish rate of the simulated robot (default: 50).</translation>
    </message>
    <message>
        <source>HZ</source>
        <translation>HZ</translation>
    </message>
    <message>
        <source>Run without a window (reader and server only).</source>
        <translation>Run without a window (reader and server only).</translation>
    </message>
    <message>
        <source>Print each new state and link change as a JSON line on stdout.</source>
        <translation>Print each new state and link change as a JSON line on stdout.</translation>
    </message>
    <message>
        <source>Call the link stale after this long without a new state (default: 1000).</source>
        <translation>Call the link stale after this long without a new state (default: 1000).</translation>
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
        <translation>Address to listen on (default: all interfaces).</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Most states per second sent to each client (default: 60).</source>
        <translation>Most states per second sent to each client (default: 60).</translation>
    </message>
    <message>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <source>Do not serve the web dashboard.</source>
        <translation>Do not serve the web dashboard.</translation>
    </message>
    <message>
        <source>Fullscreen touchscreen kiosk.</source>
        <translation>Fullscreen touchscreen kiosk.</translation>
    </message>
    <message>
        <source>Show a remote robot from another omniscient&apos;s stream, e.g. ws://pi:3001/ws.</source>
        <translation>Show a remote robot from another omniscient&apos;s stream, e.g. ws://pi:3001/ws.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Language of the interface: en, de, es, fr.</source>
        <translation>Language of the interface: en, de, es, fr.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>More host names (comma-separated) by which browsers may use /api, /ws and /toggle-sound; localhost, IP addresses and this machine&apos;s names always work. Others are refused against DNS rebinding.</source>
        <translation>More host names (comma-separated) by which browsers may use /api, /ws and /toggle-sound; localhost, IP addresses and this machine&apos;s names always work. Others are refused against DNS rebinding.</translation>
    </message>
    <message>
        <source>NAMES</source>
        <translation>NAMES</translation>
    </message>
    <message>
        <source>The port, as the original omniscient took it: &quot;omniscient 3002&quot; is --port 3002.</source>
        <translation>The port, as the original omniscient took it: &quot;omniscient 3002&quot; is --port 3002.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is the port</source>
        <translation>unexpected argument &quot;%1&quot;: the only argument without a flag is the port</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: the only argument without a flag is a TCP port from 0 to 65535, as in &quot;omniscient 3002&quot;; see --help for the flags</source>
        <translation>unexpected argument &quot;%1&quot;: the only argument without a flag is a TCP port from 0 to 65535, as in &quot;omniscient 3002&quot;; see --help for the flags</translation>
    </message>
    <message>
        <source>two ports given: --port %1 and %2; give one</source>
        <translation>two ports given: --port %1 and %2; give one</translation>
    </message>
    <message>
        <source>--allowed-hosts: &quot;%1&quot; is not a host name; give names such as robot.example, separated by commas (no port, no http://; IP addresses and localhost always work)</source>
        <translation>--allowed-hosts: &quot;%1&quot; is not a host name; give names such as robot.example, separated by commas (no port, no http://; IP addresses and localhost always work)</translation>
    </message>
    <message>
        <source>--shm: &quot;%1&quot; is not a segment name (1 to 200 characters, no &apos;/&apos; inside)</source>
        <translation>--shm: &quot;%1&quot; is not a segment name (1 to 200 characters, no &apos;/&apos; inside)</translation>
    </message>
    <message>
        <source>--sim-rate: expected a rate in Hz from 0.1 to 1000000, got &quot;%1&quot;</source>
        <translation>--sim-rate: expected a rate in Hz from 0.1 to 1000000, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--stale-ms: expected milliseconds from 10 to 3600000, got &quot;%1&quot;</source>
        <translation>--stale-ms: expected milliseconds from 10 to 3600000, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--port: expected a TCP port from 0 to 65535, got &quot;%1&quot;</source>
        <translation>--port: expected a TCP port from 0 to 65535, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--max-clients: expected a whole number from 1 to 100000, got &quot;%1&quot;</source>
        <translation>--max-clients: expected a whole number from 1 to 100000, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--max-rate: expected a rate in Hz from 0.1 to 10000, got &quot;%1&quot;</source>
        <translation>--max-rate: expected a rate in Hz from 0.1 to 10000, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--connect: expected a WebSocket URL such as ws://raspberrypi:3001/ws, got &quot;%1&quot;</source>
        <translation>--connect: expected a WebSocket URL such as ws://raspberrypi:3001/ws, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--connect and --simulate cannot be combined: one shows a remote robot, the other a local one</source>
        <translation>--connect and --simulate cannot be combined: one shows a remote robot, the other a local one</translation>
    </message>
    <message>
        <source>no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): running headless; use --headless to say so and silence this note</source>
        <translation>no display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): running headless; use --headless to say so and silence this note</translation>
    </message>
    <message>
        <source>Try &apos;omniscient --help&apos; for the options.</source>
        <translation>Try &apos;omniscient --help&apos; for the options.</translation>
    </message>
    <message>
        <source>How the reader waits for a steady robot: predict (default; a timer just after each expected publish, no system call for the robot) or futex (the robot wakes it at each publish: lower latency, one system call per publish).</source>
        <translation>How the reader waits for a steady robot: predict (default; a timer just after each expected publish, no system call for the robot) or futex (the robot wakes it at each publish: lower latency, one system call per publish).</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>--reader-wake: expected predict or futex, got &quot;%1&quot;</source>
        <translation>--reader-wake: expected predict or futex, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Cluck with your own sounds: a random .wav, .ogg or .mp3 file of this folder each time (default: the built-in clucks).</source>
        <translation>Cluck with your own sounds: a random .wav, .ogg or .mp3 file of this folder each time (default: the built-in clucks).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Play no sound on this machine (the sound switch still works, and web pages can cluck along).</source>
        <translation>Play no sound on this machine (the sound switch still works, and web pages can cluck along).</translation>
    </message>
    <message>
        <source>--sound-dir: give a folder with .wav, .ogg or .mp3 files</source>
        <translation>--sound-dir: give a folder with .wav, .ogg or .mp3 files</translation>
    </message>
    <message>
        <source>Read the access token from this file (first line; other local users cannot see it, unlike --token).</source>
        <translation>Read the access token from this file (first line; other local users cannot see it, unlike --token).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Require the access token on /metrics too (Prometheus: bearer token).</source>
        <translation>Require the access token on /metrics too (Prometheus: bearer token).</translation>
    </message>
    <message>
        <source>Record every state, link change and event into this MCAP file until omniscient exits (docs/RECORDING.md).</source>
        <translation>Record every state, link change and event into this MCAP file until omniscient exits (docs/RECORDING.md).</translation>
    </message>
    <message>
        <source>METHOD</source>
        <translation>METHOD</translation>
    </message>
    <message>
        <source>--token and --token-file cannot be combined: give the token one way</source>
        <translation>--token and --token-file cannot be combined: give the token one way</translation>
    </message>
    <message>
        <source>--token-file: cannot read %1: %2</source>
        <translation>--token-file: cannot read %1: %2</translation>
    </message>
    <message>
        <source>--token-file: %1 is empty; write the token on its first line</source>
        <translation>--token-file: %1 is empty; write the token on its first line</translation>
    </message>
    <message>
        <source>--protect-metrics needs a token: give --token-file, --token or OMNISCIENT_TOKEN</source>
        <translation>--protect-metrics needs a token: give --token-file, --token or OMNISCIENT_TOKEN</translation>
    </message>
    <message>
        <source>--record: give the file to record into, e.g. --record robot.mcap</source>
        <translation>--record: give the file to record into, e.g. --record robot.mcap</translation>
    </message>
    <message>
        <source>--record-compression: expected zstd, lz4 or none, got &quot;%1&quot;</source>
        <translation>--record-compression: expected zstd, lz4 or none, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Usage: omniscient export FILE.mcap --format csv|jsonl [-o OUT]</source>
        <translation>Usage: omniscient export FILE.mcap --format csv|jsonl [-o OUT]</translation>
    </message>
    <message>
        <source>Writes a recording&apos;s states as CSV or JSON Lines.</source>
        <translation>Writes a recording&apos;s states as CSV or JSON Lines.</translation>
    </message>
    <message>
        <source>csv (default) or jsonl.</source>
        <translation>csv (default) or jsonl.</translation>
    </message>
    <message>
        <source>Where to write (default: FILE with .csv or .jsonl; - for stdout). CSV events go to OUT.events.csv.</source>
        <translation>Where to write (default: FILE with .csv or .jsonl; - for stdout). CSV events go to OUT.events.csv.</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>Shows this help.</translation>
    </message>
    <message>
        <source>The recording.</source>
        <translation>The recording.</translation>
    </message>
    <message>
        <source>give exactly one recording to export</source>
        <translation>give exactly one recording to export</translation>
    </message>
    <message>
        <source>--format: expected csv or jsonl, got &quot;%1&quot;</source>
        <translation>--format: expected csv or jsonl, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot read the recording: %1</source>
        <translation>cannot read the recording: %1</translation>
    </message>
    <message>
        <source>%1 was cut short (no summary): exporting its %2 complete chunks</source>
        <translation>%1 was cut short (no summary): exporting its %2 complete chunks</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>cannot create %1: %2</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>stopped: %1</translation>
    </message>
    <message>
        <source>%1 states and %2 events written to %3%4</source>
        <translation>%1 states and %2 events written to %3%4</translation>
    </message>
    <message>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <source> (events: %1)</source>
        <translation> (events: %1)</translation>
    </message>
    <message>
        <source>omniscient watches a small robot live: it reads the robot&apos;s shared memory, shows a dashboard, and mirrors the state to browsers and other omniscient instances over one port. Foxglove and Lichtblick connect to the same port (ws://HOST:PORT, Foxglove WebSocket; see docs/FOXGLOVE.md).</source>
        <translation>omniscient watches a small robot live: it reads the robot&apos;s shared memory, shows a dashboard, and mirrors the state to browsers and other omniscient instances over one port. Foxglove and Lichtblick connect to the same port (ws://HOST:PORT, Foxglove WebSocket; see docs/FOXGLOVE.md).</translation>
    </message>
    <message>
        <source>TCP port of the web dashboard, its WebSocket and the Foxglove WebSocket (default: 3001).</source>
        <translation>TCP port of the web dashboard, its WebSocket and the Foxglove WebSocket (default: 3001).</translation>
    </message>
    <message>
        <source>Most WebSocket clients (/ws and Foxglove) served at once (default: 64).</source>
        <translation>Most WebSocket clients (/ws and Foxglove) served at once (default: 64).</translation>
    </message>
    <message>
        <source>Access token required by /ws, Foxglove and /api (default: $OMNISCIENT_TOKEN).</source>
        <translation>Access token required by /ws, Foxglove and /api (default: $OMNISCIENT_TOKEN).</translation>
    </message>
    <message>
        <source>How --record and saved recordings compress: zstd (default), lz4 or none.</source>
        <translation>How --record and saved recordings compress: zstd (default), lz4 or none.</translation>
    </message>
    <message>
        <source>Keep the last M minutes of every state, link change and event in memory (0: off; at most 60; about 6 MB a minute), to save with &quot;Save the last minute&quot; or POST /api/recordings.</source>
        <translation>Keep the last M minutes of every state, link change and event in memory (0: off; at most 60; about 6 MB a minute), to save with &quot;Save the last minute&quot; or POST /api/recordings.</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Where saved recordings go (default: $XDG_DATA_HOME/omniscient/recordings).</source>
        <translation>Where saved recordings go (default: $XDG_DATA_HOME/omniscient/recordings).</translation>
    </message>
    <message>
        <source>Remove the oldest saved recordings when they take more than this many MB (default 1024).</source>
        <translation>Remove the oldest saved recordings when they take more than this many MB (default 1024).</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Play this MCAP recording instead of a robot, at its recorded pace, with a timeline (docs/RECORDING.md). &quot;omniscient export FILE.mcap --format csv|jsonl [-o OUT]&quot; writes one as CSV or JSON Lines.</source>
        <translation>Play this MCAP recording instead of a robot, at its recorded pace, with a timeline (docs/RECORDING.md). &quot;omniscient export FILE.mcap --format csv|jsonl [-o OUT]&quot; writes one as CSV or JSON Lines.</translation>
    </message>
    <message>
        <source>Publish this robot to an MQTT broker, e.g. mqtt://broker.local or mqtts://user@broker:8883 (the password from $OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file; docs/FLEET.md).</source>
        <translation>Publish this robot to an MQTT broker, e.g. mqtt://broker.local or mqtts://user@broker:8883 (the password from $OMNISCIENT_MQTT_PASSWORD or --mqtt-password-file; docs/FLEET.md).</translation>
    </message>
    <message>
        <source>Show every robot publishing to this MQTT broker (with --headless: the page /fleet and /api/fleet), e.g. mqtt://broker.local.</source>
        <translation>Show every robot publishing to this MQTT broker (with --headless: the page /fleet and /api/fleet), e.g. mqtt://broker.local.</translation>
    </message>
    <message>
        <source>This robot&apos;s name on the broker (default: the host name).</source>
        <translation>This robot&apos;s name on the broker (default: the host name).</translation>
    </message>
    <message>
        <source>Read the broker password from this file (first line).</source>
        <translation>Read the broker password from this file (first line).</translation>
    </message>
    <message>
        <source>For mqtts://: the CA certificate (PEM) that signed the broker&apos;s.</source>
        <translation>For mqtts://: the CA certificate (PEM) that signed the broker&apos;s.</translation>
    </message>
    <message>
        <source>Seconds between keepalives; the broker declares this robot offline after 1.5 times it (default: 10).</source>
        <translation>Seconds between keepalives; the broker declares this robot offline after 1.5 times it (default: 10).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Most state messages per second published (default: 10).</source>
        <translation>Most state messages per second published (default: 10).</translation>
    </message>
    <message>
        <source>Also publish Home Assistant discovery configs: the robot appears there with its sound switch.</source>
        <translation>Also publish Home Assistant discovery configs: the robot appears there with its sound switch.</translation>
    </message>
    <message>
        <source>--blackbox-minutes: expected a whole number of minutes from 0 (off) to 60, got &quot;%1&quot;</source>
        <translation>--blackbox-minutes: expected a whole number of minutes from 0 (off) to 60, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--recordings-dir: give a folder, e.g. --recordings-dir ~/robot-recordings</source>
        <translation>--recordings-dir: give a folder, e.g. --recordings-dir ~/robot-recordings</translation>
    </message>
    <message>
        <source>--recordings-max-mb: expected a whole number of MB from 1 to 1048576, got &quot;%1&quot;</source>
        <translation>--recordings-max-mb: expected a whole number of MB from 1 to 1048576, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--replay: give the recording to play, e.g. --replay robot.mcap</source>
        <translation>--replay: give the recording to play, e.g. --replay robot.mcap</translation>
    </message>
    <message>
        <source>--replay cannot be combined with --simulate or --connect: it shows a recording instead</source>
        <translation>--replay cannot be combined with --simulate or --connect: it shows a recording instead</translation>
    </message>
    <message>
        <source>--%1 needs --mqtt URL or --fleet URL</source>
        <translation>--%1 needs --mqtt URL or --fleet URL</translation>
    </message>
    <message>
        <source>--mqtt-homeassistant needs --mqtt URL</source>
        <translation>--mqtt-homeassistant needs --mqtt URL</translation>
    </message>
    <message>
        <source>--robot-name: %1</source>
        <translation>--robot-name: %1</translation>
    </message>
    <message>
        <source>--mqtt-password-file: cannot read %1: %2</source>
        <translation>--mqtt-password-file: cannot read %1: %2</translation>
    </message>
    <message>
        <source>--mqtt-password-file: %1 is empty; write the password on its first line</source>
        <translation>--mqtt-password-file: %1 is empty; write the password on its first line</translation>
    </message>
    <message>
        <source>--mqtt-cafile is for TLS: write the broker as mqtts://HOST (port 8883 by default)</source>
        <translation>--mqtt-cafile is for TLS: write the broker as mqtts://HOST (port 8883 by default)</translation>
    </message>
    <message>
        <source>--mqtt-cafile: %1 does not exist; give the CA certificate (PEM) that signed the broker&apos;s</source>
        <translation>--mqtt-cafile: %1 does not exist; give the CA certificate (PEM) that signed the broker&apos;s</translation>
    </message>
    <message>
        <source>--mqtt-keepalive: expected whole seconds from 5 to 3600, got &quot;%1&quot;</source>
        <translation>--mqtt-keepalive: expected whole seconds from 5 to 3600, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--mqtt-rate: expected a rate in Hz from 0.1 to 1000, got &quot;%1&quot;</source>
        <translation>--mqtt-rate: expected a rate in Hz from 0.1 to 1000, got &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--fleet shows every robot of a broker: it cannot be combined with --connect, --simulate, --mqtt, --record or --replay (start those in another omniscient)</source>
        <translation>--fleet shows every robot of a broker: it cannot be combined with --connect, --simulate, --mqtt, --record or --replay (start those in another omniscient)</translation>
    </message>
    <message>
        <source>--fleet --headless serves the fleet on its port: it cannot be combined with --no-server</source>
        <translation>--fleet --headless serves the fleet on its port: it cannot be combined with --no-server</translation>
    </message>
</context>
<context>
    <name>omni::app::Runtime</name>
    <message>
        <source>cannot create the simulated robot&apos;s shared memory %1: %2</source>
        <translation>cannot create the simulated robot&apos;s shared memory %1: %2</translation>
    </message>
    <message>
        <source>--bind: &quot;%1&quot; is not an IP address; give one of this machine&apos;s addresses, or localhost</source>
        <translation>--bind: &quot;%1&quot; is not an IP address; give one of this machine&apos;s addresses, or localhost</translation>
    </message>
    <message>
        <source>port %1 is in use; choose another with --port</source>
        <translation>port %1 is in use; choose another with --port</translation>
    </message>
    <message>
        <source>%1 is not an address of this machine; choose another with --bind</source>
        <translation>%1 is not an address of this machine; choose another with --bind</translation>
    </message>
    <message>
        <source>port %1 needs administrator rights; choose one above 1023 with --port</source>
        <translation>port %1 needs administrator rights; choose one above 1023 with --port</translation>
    </message>
    <message>
        <source>cannot serve the dashboard: %1</source>
        <translation>cannot serve the dashboard: %1</translation>
    </message>
    <message>
        <source>omniscient: the dashboard is served on port %1; open it in a browser:</source>
        <translation>omniscient: the dashboard is served on port %1; open it in a browser:</translation>
    </message>
    <message>
        <source>  (this server needs its access token: add ?token=TOKEN to the address)</source>
        <translation>  (this server needs its access token: add ?token=TOKEN to the address)</translation>
    </message>
    <message>
        <source>--record: %1</source>
        <translation>--record: %1</translation>
    </message>
    <message>
        <source>the recording stopped: %1</source>
        <translation>the recording stopped: %1</translation>
    </message>
    <message>
        <source>omniscient: the fleet of %1 is at /fleet on port %2</source>
        <translation>omniscient: the fleet of %1 is at /fleet on port %2</translation>
    </message>
    <message>
        <source>cannot replay: %1</source>
        <translation>cannot replay: %1</translation>
    </message>
</context>
<context>
    <name>omni::audio::SampleLibrary</name>
    <message>
        <source>--sound-dir %1: no such folder; the built-in clucks play instead</source>
        <translation>--sound-dir %1: no such folder; the built-in clucks play instead</translation>
    </message>
    <message>
        <source>--sound-dir %1 has no .wav, .ogg or .mp3 file; the built-in clucks play instead</source>
        <translation>--sound-dir %1 has no .wav, .ogg or .mp3 file; the built-in clucks play instead</translation>
    </message>
    <message>
        <source>--sound-dir %1: cannot make a temporary folder for the decoded sounds (%2); the built-in clucks play instead</source>
        <translation>--sound-dir %1: cannot make a temporary folder for the decoded sounds (%2); the built-in clucks play instead</translation>
    </message>
    <message>
        <source>no sound came out of it within %1 s</source>
        <translation>no sound came out of it within %1 s</translation>
    </message>
    <message>
        <source>it holds no sound</source>
        <translation>it holds no sound</translation>
    </message>
    <message>
        <source>it cannot be decoded</source>
        <translation>it cannot be decoded</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: the file is empty</source>
        <translation>--sound-dir: skipped %1: the file is empty</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: larger than %2 MB</source>
        <translation>--sound-dir: skipped %1: larger than %2 MB</translation>
    </message>
    <message>
        <source>cannot write its decoded copy to %1: %2</source>
        <translation>cannot write its decoded copy to %1: %2</translation>
    </message>
    <message>
        <source>--sound-dir: skipped %1: %2</source>
        <translation>--sound-dir: skipped %1: %2</translation>
    </message>
    <message>
        <source>--sound-dir %1: none of its files could be played; the built-in clucks play instead</source>
        <translation>--sound-dir %1: none of its files could be played; the built-in clucks play instead</translation>
    </message>
    <message>
        <source>clucks from %1: %2</source>
        <translation>clucks from %1: %2</translation>
    </message>
</context>
<context>
    <name>omni::audio::Voice</name>
    <message>
        <source>no audio output on this machine: the chicken is silent here (its sound switch still works, and web pages can cluck along)</source>
        <translation>no audio output on this machine: the chicken is silent here (its sound switch still works, and web pages can cluck along)</translation>
    </message>
</context>
<context>
    <name>omni::gui</name>
    <message>
        <source>--lang %1 is not available (en, de, es, fr); using %2</source>
        <translation>--lang %1 is not available (en, de, es, fr); using %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::BlackboxPanel</name>
    <message>
        <source>Obstacle detected</source>
        <translation>Obstacle detected</translation>
    </message>
    <message>
        <source>Obstacle cleared</source>
        <translation>Obstacle cleared</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>Link lost</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <source>Mode: %1</source>
        <translation>Mode: %1</translation>
    </message>
    <message>
        <source>Obstacle mode: %1</source>
        <translation>Obstacle mode: %1</translation>
    </message>
    <message>
        <source>Sensor mode: %1</source>
        <translation>Sensor mode: %1</translation>
    </message>
    <message>
        <source>Sound switched on</source>
        <translation>Sound switched on</translation>
    </message>
    <message>
        <source>Sound switched off</source>
        <translation>Sound switched off</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>No events yet</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Save the last 10 seconds</source>
        <translation>Save the last 10 seconds</translation>
    </message>
    <message>
        <source>Save the last minute</source>
        <translation>Save the last minute</translation>
    </message>
    <message>
        <source>Save the last 10 minutes</source>
        <translation>Save the last 10 minutes</translation>
    </message>
    <message>
        <source>Save everything kept</source>
        <translation>Save everything kept</translation>
    </message>
    <message>
        <source>Saves what the black box kept as an MCAP file in %1</source>
        <translation>Saves what the black box kept as an MCAP file in %1</translation>
    </message>
    <message>
        <source>The black box is off (--blackbox-minutes 0)</source>
        <translation>The black box is off (--blackbox-minutes 0)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>%1 saturated (%2 %)</source>
        <translation>%1 saturated (%2 %)</translation>
    </message>
    <message>
        <source>%1 no longer saturated</source>
        <translation>%1 no longer saturated</translation>
    </message>
</context>
<context>
    <name>omni::gui::ConnectDialog</name>
    <message>
        <source>Connect to a robot</source>
        <translation>Connect to a robot</translation>
    </message>
    <message>
        <source>Address of the omniscient that reads the robot (for example the Raspberry Pi): a host name, an IP address, or the address its web page shows.</source>
        <translation>Address of the omniscient that reads the robot (for example the Raspberry Pi): a host name, an IP address, or the address its web page shows.</translation>
    </message>
    <message>
        <source>raspberrypi.local:3001</source>
        <translation>raspberrypi.local:3001</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Type the robot&apos;s address.</source>
        <translation>Type the robot&apos;s address.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address.</source>
        <translation>&quot;%1&quot; is not an address.</translation>
    </message>
    <message>
        <source>Use ws://, wss://, http:// or https://, not %1://.</source>
        <translation>Use ws://, wss://, http:// or https://, not %1://.</translation>
    </message>
    <message>
        <source>Will connect to %1</source>
        <translation>Will connect to %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::Dashboard</name>
    <message>
        <source>STALE</source>
        <translation>STALE</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INCOMPATIBLE</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WAITING</translation>
    </message>
    <message>
        <source>last update %1 ago</source>
        <translation>last update %1 ago</translation>
    </message>
    <message>
        <source>no state from the robot yet</source>
        <translation>no state from the robot yet</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>The robot seen from above, front at the top</source>
        <translation>The robot seen from above, front at the top</translation>
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
        <translation>stale</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>No robot has published to this broker yet.</source>
        <translation>No robot has published to this broker yet.</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>last seen %1</translation>
    </message>
    <message>
        <source>%1 Hz · %2 s old</source>
        <translation>%1 Hz · %2 s old</translation>
    </message>
    <message>
        <source>last event: %1</source>
        <translation>last event: %1</translation>
    </message>
</context>
<context>
    <name>omni::gui::FleetWindow</name>
    <message>
        <source>omniscient — fleet of %1</source>
        <translation>omniscient — fleet of %1</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its mirror server %2</source>
        <translation>opened %1&apos;s dashboard from its mirror server %2</translation>
    </message>
    <message>
        <source>could not open %1&apos;s dashboard</source>
        <translation>could not open %1&apos;s dashboard</translation>
    </message>
    <message numerus="yes">
        <source>%n robot(s) on %1</source>
        <translation>
            <numerusform>%n robot on %1</numerusform>
            <numerusform>%n robots on %1</numerusform>
        </translation>
    </message>
    <message>
        <source>broker %1: %2; retrying</source>
        <translation>broker %1: %2; retrying</translation>
    </message>
    <message>
        <source>it gives no dashboard address (it runs with --no-server)</source>
        <translation>it gives no dashboard address (it runs with --no-server)</translation>
    </message>
    <message>
        <source>looking for %1&apos;s dashboard at %2…</source>
        <translation>looking for %1&apos;s dashboard at %2…</translation>
    </message>
    <message>
        <source>its dashboard at %1 does not answer</source>
        <translation>its dashboard at %1 does not answer</translation>
    </message>
    <message>
        <source>%1 — from MQTT</source>
        <translation>%1 — from MQTT</translation>
    </message>
    <message>
        <source>%1&apos;s states as the broker brings them, at most its --mqtt-rate a second: %2</source>
        <translation>%1&apos;s states as the broker brings them, at most its --mqtt-rate a second: %2</translation>
    </message>
    <message>
        <source>Its sound is switched on the robot&apos;s own page, not over MQTT</source>
        <translation>Its sound is switched on the robot&apos;s own page, not over MQTT</translation>
    </message>
    <message>
        <source>opened %1&apos;s dashboard from its MQTT state: %2</source>
        <translation>opened %1&apos;s dashboard from its MQTT state: %2</translation>
    </message>
</context>
<context>
    <name>omni::gui::InfoPanel</name>
    <message>
        <source>omni chicken info</source>
        <translation>omni chicken info</translation>
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
        <translation>Obstacle mode</translation>
    </message>
    <message>
        <source>Sensor mode</source>
        <translation>Sensor mode</translation>
    </message>
    <message>
        <source>Robot link</source>
        <translation>Robot link</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Publish rate</source>
        <translation>Publish rate</translation>
    </message>
    <message>
        <source>State age</source>
        <translation>State age</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Last 30 seconds</source>
        <translation>Last 30 seconds</translation>
    </message>
    <message>
        <source>Motor power</source>
        <translation>Motor power</translation>
    </message>
    <message>
        <source>Line sensors</source>
        <translation>Line sensors</translation>
    </message>
    <message>
        <source>Chicken sounds on or off, for everyone watching this robot</source>
        <translation>Chicken sounds on or off, for everyone watching this robot</translation>
    </message>
    <message>
        <source>left</source>
        <translation>left</translation>
    </message>
    <message>
        <source>right</source>
        <translation>right</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>bottom</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <source>Chicken sounds: on</source>
        <translation>Chicken sounds: on</translation>
    </message>
    <message>
        <source>Chicken sounds: off</source>
        <translation>Chicken sounds: off</translation>
    </message>
</context>
<context>
    <name>omni::gui::KioskGuard</name>
    <message>
        <source>Keep holding to leave the kiosk: %1 s</source>
        <translation>Keep holding to leave the kiosk: %1 s</translation>
    </message>
</context>
<context>
    <name>omni::gui::Legend</name>
    <message>
        <source>Omni wheel, power, spin</source>
        <translation>Omni wheel, power, spin</translation>
    </message>
    <message>
        <source>Obstacle sensor</source>
        <translation>Obstacle sensor</translation>
    </message>
    <message>
        <source>Front line sensor</source>
        <translation>Front line sensor</translation>
    </message>
    <message>
        <source>Steering left/right</source>
        <translation>Steering left/right</translation>
    </message>
    <message>
        <source>Obstacle detected</source>
        <translation>Obstacle detected</translation>
    </message>
    <message>
        <source>Edge line sensor (no data)</source>
        <translation>Edge line sensor (no data)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Connect to a robot…</source>
        <translation>&amp;Connect to a robot…</translation>
    </message>
    <message>
        <source>&amp;Recent robots</source>
        <translation>&amp;Recent robots</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Colours</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Like the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Sound</translation>
    </message>
    <message>
        <source>Chicken sounds (for everyone watching)</source>
        <translation>Chicken sounds (for everyone watching)</translation>
    </message>
    <message>
        <source>Mute this computer</source>
        <translation>Mute this computer</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Muted on this computer (Sound menu).</source>
        <translation>Muted on this computer (Sound menu).</translation>
    </message>
    <message>
        <source>omniscient — %1</source>
        <translation>omniscient — %1</translation>
    </message>
    <message>
        <source>&amp;Open recording…</source>
        <translation>&amp;Open recording…</translation>
    </message>
    <message>
        <source>omniscient — replay of %1</source>
        <translation>omniscient — replay of %1</translation>
    </message>
    <message>
        <source>Cannot open the recording</source>
        <translation>Cannot open the recording</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Open recording</translation>
    </message>
    <message>
        <source>MCAP recordings (*.mcap);;All files (*)</source>
        <translation>MCAP recordings (*.mcap);;All files (*)</translation>
    </message>
</context>
<context>
    <name>omni::gui::MqttIndicator</name>
    <message>
        <source>MQTT: publishing to %1</source>
        <translation>MQTT: publishing to %1</translation>
    </message>
    <message>
        <source>MQTT: connecting to %1…</source>
        <translation>MQTT: connecting to %1…</translation>
    </message>
    <message>
        <source>MQTT: %1 is unreachable; retrying</source>
        <translation>MQTT: %1 is unreachable; retrying</translation>
    </message>
    <message>
        <source>MQTT: %1 refused the user or password; retrying</source>
        <translation>MQTT: %1 refused the user or password; retrying</translation>
    </message>
    <message>
        <source>MQTT: the TLS certificate of %1 is not trusted (--mqtt-cafile); retrying</source>
        <translation>MQTT: the TLS certificate of %1 is not trusted (--mqtt-cafile); retrying</translation>
    </message>
</context>
<context>
    <name>omni::gui::RobotPainter</name>
    <message>
        <source>FRONT</source>
        <translation>FRONT</translation>
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
        <translation>Edge line sensor: no data (no field of the robot&apos;s state feeds it)</translation>
    </message>
    <message>
        <source>No sensor here: this robot has four line sensors</source>
        <translation>No sensor here: this robot has four line sensors</translation>
    </message>
    <message>
        <source>Line sensor [%1]: on the line</source>
        <translation>Line sensor [%1]: on the line</translation>
    </message>
    <message>
        <source>Line sensor [%1]: off the line</source>
        <translation>Line sensor [%1]: off the line</translation>
    </message>
    <message>
        <source>Line sensor [%1]: %2 (neither 0 nor 1)</source>
        <translation>Line sensor [%1]: %2 (neither 0 nor 1)</translation>
    </message>
</context>
<context>
    <name>omni::gui::StatusText</name>
    <message>
        <source>unknown (%1)</source>
        <translation>unknown (%1)</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>forward</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>backward</translation>
    </message>
    <message>
        <source>rotate left</source>
        <translation>rotate left</translation>
    </message>
    <message>
        <source>rotate right</source>
        <translation>rotate right</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>line following</source>
        <translation>line following</translation>
    </message>
    <message>
        <source>obstacle tracking</source>
        <translation>obstacle tracking</translation>
    </message>
    <message>
        <source>manual control</source>
        <translation>manual control</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>detected</translation>
    </message>
    <message>
        <source>not in the 56-byte layout</source>
        <translation>not in the 56-byte layout</translation>
    </message>
    <message>
        <source>obstacle avoidance</source>
        <translation>obstacle avoidance</translation>
    </message>
    <message>
        <source>4 sensor mapped</source>
        <translation>4 sensor mapped</translation>
    </message>
    <message>
        <source>5 sensor weighted</source>
        <translation>5 sensor weighted</translation>
    </message>
    <message>
        <source>2 sensor simple</source>
        <translation>2 sensor simple</translation>
    </message>
    <message>
        <source>driving forward</source>
        <translation>driving forward</translation>
    </message>
    <message>
        <source>reversing</source>
        <translation>reversing</translation>
    </message>
    <message>
        <source>rotating left</source>
        <translation>rotating left</translation>
    </message>
    <message>
        <source>rotating right</source>
        <translation>rotating right</translation>
    </message>
    <message>
        <source>steering left</source>
        <translation>steering left</translation>
    </message>
    <message>
        <source>steering right</source>
        <translation>steering right</translation>
    </message>
    <message>
        <source>avoiding an obstacle</source>
        <translation>avoiding an obstacle</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>incompatible</source>
        <translation>incompatible</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>cannot reach the server</source>
        <translation>cannot reach the server</translation>
    </message>
    <message>
        <source>access token refused</source>
        <translation>access token refused</translation>
    </message>
    <message>
        <source>incompatible server</source>
        <translation>incompatible server</translation>
    </message>
    <message>
        <source>%1, which reads %2</source>
        <translation>%1, which reads %2</translation>
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
        <translation>left wheel</translation>
    </message>
    <message>
        <source>right wheel</source>
        <translation>right wheel</translation>
    </message>
    <message>
        <source>bottom wheel</source>
        <translation>bottom wheel</translation>
    </message>
    <message>
        <source>The shared memory is not in a format omniscient knows. Check that --shm names the robot&apos;s segment.</source>
        <translation>The shared memory is not in a format omniscient knows. Check that --shm names the robot&apos;s segment.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses ABI %1; this omniscient reads ABI %2. Update omniscient.</source>
        <translation>The robot&apos;s shared memory uses ABI %1; this omniscient reads ABI %2. Update omniscient.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses a newer ABI than this omniscient reads. Update omniscient.</source>
        <translation>The robot&apos;s shared memory uses a newer ABI than this omniscient reads. Update omniscient.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses the older ABI %1; this omniscient reads ABI %2. Rebuild the robot with the current omni_shm.h.</source>
        <translation>The robot&apos;s shared memory uses the older ABI %1; this omniscient reads ABI %2. Rebuild the robot with the current omni_shm.h.</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory uses an older ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>The robot&apos;s shared memory uses an older ABI. Rebuild the robot with the current omni_shm.h.</translation>
    </message>
    <message>
        <source>The segment&apos;s header size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>The segment&apos;s header size does not match its ABI. Rebuild the robot with the current omni_shm.h.</translation>
    </message>
    <message>
        <source>The segment&apos;s payload size does not match its ABI. Rebuild the robot with the current omni_shm.h.</source>
        <translation>The segment&apos;s payload size does not match its ABI. Rebuild the robot with the current omni_shm.h.</translation>
    </message>
    <message>
        <source>The segment is too small for what it holds: neither a whole omniscient segment nor an original robot&apos;s 56- or 64-byte struct. Check that --shm names the robot&apos;s segment, or restart the robot&apos;s program.</source>
        <translation>The segment is too small for what it holds: neither a whole omniscient segment nor an original robot&apos;s 56- or 64-byte struct. Check that --shm names the robot&apos;s segment, or restart the robot&apos;s program.</translation>
    </message>
    <message>
        <source>The segment exists but omniscient may not read it. Check its permissions (ls -l /dev/shm).</source>
        <translation>The segment exists but omniscient may not read it. Check its permissions (ls -l /dev/shm).</translation>
    </message>
    <message>
        <source>The robot&apos;s shared memory cannot be read safely.</source>
        <translation>The robot&apos;s shared memory cannot be read safely.</translation>
    </message>
    <message>
        <source>Trying again in %1 s.</source>
        <translation>Trying again in %1 s.</translation>
    </message>
    <message>
        <source>NOT CONNECTED</source>
        <translation>NOT CONNECTED</translation>
    </message>
    <message>
        <source>Choose File &gt; Connect to watch a robot over the network.</source>
        <translation>Choose File &gt; Connect to watch a robot over the network.</translation>
    </message>
    <message>
        <source>CONNECTING</source>
        <translation>CONNECTING</translation>
    </message>
    <message>
        <source>Connecting to omniscient at %1…</source>
        <translation>Connecting to omniscient at %1…</translation>
    </message>
    <message>
        <source>CONNECTION LOST</source>
        <translation>CONNECTION LOST</translation>
    </message>
    <message>
        <source>CANNOT REACH THE SERVER</source>
        <translation>CANNOT REACH THE SERVER</translation>
    </message>
    <message>
        <source>Cannot reach omniscient at %1. Is it running there, and is the address right?</source>
        <translation>Cannot reach omniscient at %1. Is it running there, and is the address right?</translation>
    </message>
    <message>
        <source>ACCESS REFUSED</source>
        <translation>ACCESS REFUSED</translation>
    </message>
    <message>
        <source>omniscient at %1 refused the access token. Use the address it printed, including ?token=…</source>
        <translation>omniscient at %1 refused the access token. Use the address it printed, including ?token=…</translation>
    </message>
    <message>
        <source>INCOMPATIBLE SERVER</source>
        <translation>INCOMPATIBLE SERVER</translation>
    </message>
    <message>
        <source>omniscient at %1 speaks message schema %2; this one reads schema %3. Update the older one.</source>
        <translation>omniscient at %1 speaks message schema %2; this one reads schema %3. Update the older one.</translation>
    </message>
    <message>
        <source>WAITING FOR THE ROBOT</source>
        <translation>WAITING FOR THE ROBOT</translation>
    </message>
    <message>
        <source>Connected to %1; the robot there has not published yet.</source>
        <translation>Connected to %1; the robot there has not published yet.</translation>
    </message>
    <message>
        <source>No shared memory &quot;%1&quot; yet. Start the robot&apos;s program (or omni-sim); omniscient picks it up by itself.</source>
        <translation>No shared memory &quot;%1&quot; yet. Start the robot&apos;s program (or omni-sim); omniscient picks it up by itself.</translation>
    </message>
    <message>
        <source>STALE — last update %1 ago</source>
        <translation>STALE — last update %1 ago</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>STALE</translation>
    </message>
    <message>
        <source>The robot stopped publishing. Is its program still running? These values are old.</source>
        <translation>The robot stopped publishing. Is its program still running? These values are old.</translation>
    </message>
    <message>
        <source>INCOMPATIBLE</source>
        <translation>INCOMPATIBLE</translation>
    </message>
    <message>
        <source>%1 (shared memory, omni-v1)</source>
        <translation>%1 (shared memory, omni-v1)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 56-byte layout)</source>
        <translation>%1 (shared memory, original 56-byte layout)</translation>
    </message>
    <message>
        <source>%1 (shared memory, original 64-byte layout)</source>
        <translation>%1 (shared memory, original 64-byte layout)</translation>
    </message>
    <message>
        <source>%1 (shared memory)</source>
        <translation>%1 (shared memory)</translation>
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
        <translation>No audio output: the chicken is silent.</translation>
    </message>
    <message>
        <source>No audio output found: the chicken stays silent until speakers or headphones are connected.</source>
        <translation>No audio output found: the chicken stays silent until speakers or headphones are connected.</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>replay</translation>
    </message>
</context>
<context>
    <name>omni::gui::Timeline</name>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <source>Back one state (←)</source>
        <translation>Back one state (←)</translation>
    </message>
    <message>
        <source>Forward one state (→)</source>
        <translation>Forward one state (→)</translation>
    </message>
    <message>
        <source>Previous event (Page Up)</source>
        <translation>Previous event (Page Up)</translation>
    </message>
    <message>
        <source>Next event (Page Down)</source>
        <translation>Next event (Page Down)</translation>
    </message>
    <message>
        <source>Click or drag to move through the recording; the marks are events.</source>
        <translation>Click or drag to move through the recording; the marks are events.</translation>
    </message>
    <message>
        <source>Speed (↑/↓)</source>
        <translation>Speed (↑/↓)</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Loop</translation>
    </message>
</context>
</TS>
