// SPDX-License-Identifier: MIT
// McapReader over arbitrary bytes (a recording someone hands to `omniscient export` or `--replay`): indexing,
// every chunk, every message index, and the export that reads them all. Refusals must say why; nothing may crash,
// read out of bounds, leak or hang; what is accepted must be consistent (messages inside their chunk's times
// are not required: a writer may lie, the reader only must not break).
#include "fuzzcheck.h"

#include "omni/mcapreader.h"
#include "omni/recordingexport.h"

#include <QBuffer>
#include <QByteArray>

using namespace omni;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    McapReaderOptions options;
    options.maxChunkBytes = qint64{4} << 20; // a lying chunk costs at most this much memory
    const auto reader = McapReader::fromBytes(bytes, options);
    if (!reader) {
        FUZZ_CHECK(!reader.errorString().isEmpty());
        return 0;
    }
    const McapReader &r = **reader;
    FUZZ_CHECK(!(r.indexed() && r.truncated()));
    for (std::size_t i = 0; i < r.chunks().size(); ++i) {
        const McapChunkInfo &c = r.chunks()[i];
        FUZZ_CHECK(c.offset + c.length <= size);
        if (const auto messages = r.readChunk(i); !messages) {
            FUZZ_CHECK(!messages.errorString().isEmpty());
        }
        for (const auto &[channel, offset] : c.messageIndexOffsets) {
            if (const auto entries = r.messageIndex(i, channel); !entries) {
                FUZZ_CHECK(!entries.errorString().isEmpty());
            }
        }
    }
    FUZZ_CHECK(!r.readChunk(r.chunks().size()));
    for (const ExportFormat format : {ExportFormat::Csv, ExportFormat::Jsonl}) {
        QByteArray out;
        QByteArray events;
        QBuffer o(&out);
        QBuffer e(&events);
        o.open(QIODevice::WriteOnly);
        e.open(QIODevice::WriteOnly);
        if (const auto done = exportRecording(r, format, &o, &e); !done) {
            FUZZ_CHECK(done.error() == ExportError::Damaged && !done.errorString().isEmpty());
        } else if (format == ExportFormat::Csv) {
            FUZZ_CHECK(static_cast<quint64>(out.count('\n')) >= done->states + 1);
        }
    }
    return 0;
}
