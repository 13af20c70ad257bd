// SPDX-License-Identifier: MIT
#include "exportcommand.h"

#include <omni/mcapreader.h>
#include <omni/recordingexport.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace omni::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("omni::app::export", text);
}

void say(const QString &line)
{
    std::fprintf(stderr, "omniscient export: %s\n", qPrintable(line));
}

int usage(const QString &why)
{
    say(why);
    std::fprintf(stderr, "%s\n", qPrintable(tr("Usage: omniscient export FILE.mcap --format csv|jsonl [-o OUT]")));
    return 2;
}

/// `out` without its ".csv", plus ".events.csv": where the events of a CSV export go.
QString eventsPath(const QString &out)
{
    QString stem = out;
    if (stem.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
        stem.chop(4);
    }
    return stem + QStringLiteral(".events.csv");
}

} // namespace

bool isExportCommand(const QStringList &args)
{
    return args.size() >= 2 && args.at(1) == QLatin1String("export");
}

int runExport(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Writes a recording's states as CSV or JSON Lines."));
    const QCommandLineOption format(QStringLiteral("format"), tr("csv (default) or jsonl."), QStringLiteral("FORMAT"),
                                    QStringLiteral("csv"));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        tr("Where to write (default: FILE with .csv or .jsonl; - for stdout). CSV events go to OUT.events.csv."),
        QStringLiteral("OUT"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Shows this help."));
    p.addOptions({format, output, help});
    p.addPositionalArgument(QStringLiteral("FILE.mcap"), tr("The recording."));
    QStringList rest = args;
    rest.removeAt(1); // "export"
    if (!p.parse(rest)) {
        return usage(p.errorText());
    }
    if (p.isSet(help)) {
        std::fprintf(stdout, "%s", qPrintable(p.helpText()));
        return 0;
    }
    if (p.positionalArguments().size() != 1) {
        return usage(tr("give exactly one recording to export"));
    }
    const auto fmt = names::exportFormatFromName(p.value(format));
    if (!fmt) {
        return usage(tr("--format: expected csv or jsonl, got \"%1\"").arg(p.value(format)));
    }
    const QString in = p.positionalArguments().constFirst();
    const auto reader = McapReader::open(in);
    if (!reader) {
        say(tr("cannot read the recording: %1").arg(reader.errorString()));
        return 1;
    }
    if ((*reader)->truncated() || !(*reader)->indexed()) {
        say(tr("%1 was cut short (no summary): exporting its %2 complete chunks")
                .arg(in)
                .arg((*reader)->chunks().size()));
    }

    QString out = p.value(output);
    if (out.isEmpty()) {
        const QFileInfo info(in);
        out = info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + names::exportFormat(*fmt);
    }
    const bool toStdout = out == QLatin1String("-");
    QFile states(toStdout ? QString() : out);
    const bool opened =
        toStdout ? states.open(stdout, QIODevice::WriteOnly) : states.open(QIODevice::WriteOnly | QIODevice::Truncate);
    if (!opened) {
        say(tr("cannot create %1: %2").arg(out, states.errorString()));
        return 1;
    }
    QFile events(toStdout ? QString() : eventsPath(out));
    const bool csv = *fmt == ExportFormat::Csv;
    if (csv && !toStdout && !events.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        say(tr("cannot create %1: %2").arg(events.fileName(), events.errorString()));
        return 1;
    }
    const auto done = exportRecording(**reader, *fmt, &states, csv && !toStdout ? &events : nullptr);
    states.close();
    events.close();
    if (!done) {
        say(tr("stopped: %1").arg(done.errorString()));
        return 1;
    }
    say(tr("%1 states and %2 events written to %3%4")
            .arg(done->states)
            .arg(done->events)
            .arg(toStdout ? tr("stdout") : out)
            .arg(csv && !toStdout ? tr(" (events: %1)").arg(events.fileName()) : QString()));
    return 0;
}

} // namespace omni::app
