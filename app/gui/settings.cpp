// SPDX-License-Identifier: MIT
#include "settings.h"

#include <QSettings>

namespace omni::gui {

namespace {
const QString kRecent = QStringLiteral("remote/recent");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kSound = QStringLiteral("sound/enabled");
const QString kLocalMute = QStringLiteral("sound/localMute");
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");
} // namespace

Settings::Settings() : m_s(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &path) : m_s(std::make_unique<QSettings>(path, QSettings::IniFormat)) {}

Settings::~Settings() = default;

QStringList Settings::recentUrls() const
{
    QStringList list = m_s->value(kRecent).toStringList();
    list.removeAll(QString());
    return list.mid(0, kMaxRecent);
}

void Settings::addRecentUrl(const QString &url)
{
    if (url.trimmed().isEmpty()) {
        return;
    }
    QStringList list = recentUrls();
    list.removeAll(url);
    list.prepend(url);
    m_s->setValue(kRecent, list.mid(0, kMaxRecent));
}

QString Settings::lastUrl() const
{
    const QStringList list = recentUrls();
    return list.isEmpty() ? QString() : list.constFirst();
}

QByteArray Settings::geometry() const
{
    return m_s->value(kGeometry).toByteArray();
}

void Settings::setGeometry(const QByteArray &geometry)
{
    m_s->setValue(kGeometry, geometry);
}

std::optional<bool> Settings::sound() const
{
    const QVariant v = m_s->value(kSound);
    if (!v.isValid()) {
        return std::nullopt;
    }
    return v.toBool();
}

void Settings::setSound(bool on)
{
    m_s->setValue(kSound, on);
}

bool Settings::localMute() const
{
    return m_s->value(kLocalMute, false).toBool();
}

void Settings::setLocalMute(bool muted)
{
    m_s->setValue(kLocalMute, muted);
}

QString Settings::language() const
{
    return m_s->value(kLanguage).toString();
}

void Settings::setLanguage(const QString &code)
{
    m_s->setValue(kLanguage, code);
}

ThemeChoice Settings::theme() const
{
    return themeChoiceFromName(m_s->value(kTheme).toString());
}

void Settings::setTheme(ThemeChoice choice)
{
    m_s->setValue(kTheme, themeChoiceName(choice));
}

void Settings::sync()
{
    m_s->sync();
}

} // namespace omni::gui
