// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace omni {

/// One saved recording as GET /api/recordings lists it (docs/SERVER.md).
struct RecordingInfo {
    QString name;                    ///< the file name in the recordings folder, e.g. "omniscient-20261203-0612.mcap"
    qint64 bytes = 0;                ///< its size
    std::optional<qint64> startNs;   ///< its first message's log time (ns since the epoch); nullopt: no summary
    std::optional<qint64> endNs;     ///< its last message's log time; nullopt: no summary
    std::optional<quint64> messages; ///< messages in it; nullopt: no summary (a file still being written)
};

/// Why a recordings call failed; the HTTP status each one maps to is in docs/SERVER.md.
enum class RecordingsError {
    Off,         ///< there is nothing to save: the black box is off (--blackbox-minutes 0) (409)
    Empty,       ///< the black box holds no state yet (409)
    Busy,        ///< a save is already running (409)
    BadRequest,  ///< the request is not understood (400)
    NotFound,    ///< no recording of that name (404)
    WriteFailed, ///< the file cannot be written or removed (500)
};

/// What the mirror server needs from the black box to serve /api/recordings. The server checks access (token,
/// origin, host) and names (RecordingsApi::validName()) first; the implementation lives outside core/server
/// (core/blackbox implements it), so the server depends on no recorder.
class RecordingsApi
{
public:
    /// The outcome of save(): the saved file, or what went wrong in English.
    struct Saved {
        std::optional<RecordingInfo> info;                    ///< set on success
        RecordingsError error = RecordingsError::WriteFailed; ///< when `info` is not set
        QString errorString;                                  ///< when `info` is not set
    };
    /// Nothing to release here.
    virtual ~RecordingsApi() = default;
    /// Saves the last `seconds` (0 or less: everything kept) to a new file; calls `done` once, later, in the
    /// caller's thread (the file is written in a worker thread).
    virtual void save(double seconds, std::function<void(const Saved &)> done) = 0;
    /// The saved recordings, oldest first.
    virtual QList<RecordingInfo> list() const = 0;
    /// The full path of recording `name`, or nullopt when there is none (the name was checked by validName()).
    virtual std::optional<QString> pathOf(const QString &name) const = 0;
    /// Removes recording `name`; false when there is none or it cannot be removed.
    virtual bool remove(const QString &name) = 0;

    /// Whether `name` can be a recording's name: 1 to 128 characters of [A-Za-z0-9._-], ending in ".mcap", not
    /// starting with '.': so never a path, and never outside the recordings folder.
    static bool validName(const QString &name);
};

} // namespace omni
