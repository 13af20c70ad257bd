// SPDX-License-Identifier: MIT
// The web dashboard really is embedded: the files the page loads are reachable under :/web/ from a binary that
// links omniscient::web_resources through the static core, and each module the page imports is among them.
#include <gtest/gtest.h>

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QString>

namespace {

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

QSet<QString> embeddedFiles()
{
    QSet<QString> files;
    QDirIterator it(QStringLiteral(":/web"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.insert(it.next());
    }
    return files;
}

} // namespace

TEST(WebResources, IndexHtmlIsEmbeddedUnderWebPrefix)
{
    const QByteArray html = readResource(QStringLiteral(":/web/index.html"));

    ASSERT_FALSE(html.isEmpty()) << "`:/web/index.html` is missing: is omniscient::web_resources linked?";
    EXPECT_TRUE(html.contains("<!doctype html>"));
    EXPECT_TRUE(html.contains("omni chicken info"));
}

TEST(WebResources, EveryFileThePageReferencesIsEmbedded)
{
    const QSet<QString> files = embeddedFiles();
    const QString html = QString::fromUtf8(readResource(QStringLiteral(":/web/index.html")));
    const QRegularExpression reference(QStringLiteral(R"re((?:src|href)="([^"#?:]+)")re"));

    int checked = 0;
    for (auto m = reference.globalMatch(html); m.hasNext(); ++checked) {
        const QString file = QStringLiteral(":/web/") + m.next().captured(1);
        EXPECT_TRUE(files.contains(file)) << file.toStdString() << " is referenced by index.html but not embedded";
    }
    EXPECT_GE(checked, 3); // the icon, the stylesheet and the app module at least
}

TEST(WebResources, EveryImportedModuleIsEmbedded)
{
    const QSet<QString> files = embeddedFiles();
    const QRegularExpression importFrom(QStringLiteral(R"(\bfrom\s+'\./([^']+)')"));

    int checked = 0;
    for (const QString &file : files) {
        if (!file.endsWith(QLatin1String(".js"))) {
            continue;
        }
        const QString dir = file.left(file.lastIndexOf(QLatin1Char('/')) + 1);
        const QString source = QString::fromUtf8(readResource(file));
        for (auto m = importFrom.globalMatch(source); m.hasNext(); ++checked) {
            const QString target = dir + m.next().captured(1);
            EXPECT_TRUE(files.contains(target))
                << file.toStdString() << " imports " << target.toStdString() << ", which is not embedded";
        }
    }
    EXPECT_GE(checked, 5);
}

TEST(WebResources, EveryEmbeddedTextFileCarriesTheLicenceLine)
{
    const QSet<QString> files = embeddedFiles();
    ASSERT_FALSE(files.isEmpty());

    for (const QString &file : files) {
        EXPECT_TRUE(readResource(file).contains("SPDX-License-Identifier: MIT")) << file.toStdString();
    }
}
