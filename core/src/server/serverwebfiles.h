// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace omni {

/// One embedded file, ready to send.
struct WebFile {
    QByteArray body;        ///< the content
    QByteArray contentType; ///< e.g. "text/javascript; charset=utf-8"
    QByteArray etag;        ///< strong entity tag, quoted: a hash of the content
};

/// The files the server may send: everything under a Qt resource directory (normally ":/web"), loaded and
/// hashed once. Requests are looked up in this table by exact path, so nothing else is ever served.
class WebFiles
{
public:
    /// Loads every file under `root` (a resource path such as ":/web"); empty if there is none.
    explicit WebFiles(const QString &root);

    /// The file for a decoded request path ("/" and paths ending in '/' mean their index.html), or null.
    [[nodiscard]] const WebFile *find(QByteArrayView path) const;
    /// Replaces every file whose path starts with `prefix` (e.g. "/sounds/") by `files`: name (without the
    /// prefix) → content, served with the type of the name's extension.
    void replaceUnder(const QByteArray &prefix, const QHash<QString, QByteArray> &files);
    /// How many files there are.
    [[nodiscard]] qsizetype size() const { return m_files.size(); }

    /// The Content-Type for a file name, by extension; application/octet-stream if unknown.
    static QByteArray contentTypeFor(QStringView fileName);

private:
    static WebFile make(QByteArray body, QStringView fileName);

    QHash<QByteArray, WebFile> m_files; // key: "/app.js", "/icons/x.svg"
};

} // namespace omni
