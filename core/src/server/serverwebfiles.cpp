// SPDX-License-Identifier: MIT
#include "server/serverwebfiles.h"

#include "server/logging.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>

namespace omni {

WebFiles::WebFiles(const QString &root)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString filePath = it.next();
        QFile f(filePath);
        if (!f.open(QIODevice::ReadOnly)) {
            qCWarning(lcServer) << "cannot read embedded file" << filePath;
            continue;
        }
        const WebFile wf = make(f.readAll(), filePath);
        const QString relative = filePath.mid(root.size());
        m_files.insert(relative.startsWith(QLatin1Char('/')) ? relative.toUtf8() : '/' + relative.toUtf8(), wf);
    }
    qCDebug(lcServer) << "embedded web files under" << root << ":" << m_files.size();
}

WebFile WebFiles::make(QByteArray body, QStringView fileName)
{
    WebFile wf;
    wf.body = std::move(body);
    wf.contentType = contentTypeFor(fileName);
    const QByteArray hash = QCryptographicHash::hash(wf.body, QCryptographicHash::Sha256).toHex().left(32);
    wf.etag = '"' + hash + '"';
    return wf;
}

void WebFiles::replaceUnder(const QByteArray &prefix, const QHash<QString, QByteArray> &files)
{
    m_files.removeIf([&prefix](const auto &it) { return it.key().startsWith(prefix); });
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        m_files.insert(prefix + it.key().toUtf8(), make(it.value(), it.key()));
    }
}

const WebFile *WebFiles::find(QByteArrayView path) const
{
    QByteArray key = path.toByteArray();
    if (key.endsWith('/')) {
        key.append("index.html");
    }
    const auto it = m_files.constFind(key);
    return it == m_files.constEnd() ? nullptr : &it.value();
}

QByteArray WebFiles::contentTypeFor(QStringView fileName)
{
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString ext = dot < 0 ? QString() : fileName.sliced(dot + 1).toString().toLower();
    static const QHash<QString, QByteArray> types = {
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("htm"), "text/html; charset=utf-8"},
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("mjs"), "text/javascript; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("map"), "application/json"},
        {QStringLiteral("webmanifest"), "application/manifest+json"},
        {QStringLiteral("txt"), "text/plain; charset=utf-8"},
        {QStringLiteral("svg"), "image/svg+xml"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("jpg"), "image/jpeg"},
        {QStringLiteral("jpeg"), "image/jpeg"},
        {QStringLiteral("gif"), "image/gif"},
        {QStringLiteral("webp"), "image/webp"},
        {QStringLiteral("ico"), "image/vnd.microsoft.icon"},
        {QStringLiteral("wav"), "audio/wav"},
        {QStringLiteral("mp3"), "audio/mpeg"},
        {QStringLiteral("ogg"), "audio/ogg"},
        {QStringLiteral("oga"), "audio/ogg"},
        {QStringLiteral("opus"), "audio/ogg"},
        {QStringLiteral("flac"), "audio/flac"},
        {QStringLiteral("woff"), "font/woff"},
        {QStringLiteral("woff2"), "font/woff2"},
        {QStringLiteral("ttf"), "font/ttf"},
        {QStringLiteral("otf"), "font/otf"},
        {QStringLiteral("wasm"), "application/wasm"},
    };
    return types.value(ext, QByteArrayLiteral("application/octet-stream"));
}

} // namespace omni
