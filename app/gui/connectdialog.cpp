// SPDX-License-Identifier: MIT
#include "connectdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace omni::gui {

ConnectDialog::ConnectDialog(const QStringList &recent, QWidget *parent) : QDialog(parent)
{
    auto *box = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    box->addWidget(m_intro);
    m_address = new QComboBox(this);
    m_address->setEditable(true);
    m_address->setInsertPolicy(QComboBox::NoInsert);
    m_address->addItems(recent);
    m_address->setMinimumWidth(360);
    m_address->setMinimumHeight(40); // touch-friendly
    box->addWidget(m_address);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    box->addWidget(m_hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_address, &QComboBox::editTextChanged, this, &ConnectDialog::validate);
    retranslate();
    validate();
}

void ConnectDialog::retranslate()
{
    setWindowTitle(tr("Connect to a robot"));
    m_intro->setText(tr("Address of the omniscient that reads the robot (for example the Raspberry Pi): a host "
                        "name, an IP address, or the address its web page shows."));
    m_address->lineEdit()->setPlaceholderText(tr("raspberrypi.local:3001"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    validate();
}

void ConnectDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

std::optional<QUrl> ConnectDialog::parseAddress(const QString &text, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<QUrl> {
        if (error) {
            *error = why;
        }
        return std::nullopt;
    };
    QString t = text.trimmed();
    if (t.isEmpty()) {
        return fail(tr("Type the robot's address."));
    }
    const bool bare = !t.contains(QLatin1String("://")); // "pi" or "pi:3001": the mirror server's defaults
    if (bare) {
        t.prepend(QStringLiteral("ws://"));
    }
    QUrl url(t, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        return fail(tr("\"%1\" is not an address.").arg(text.trimmed()));
    }
    if (scheme == QLatin1String("http")) {
        url.setScheme(QStringLiteral("ws"));
    } else if (scheme == QLatin1String("https")) {
        url.setScheme(QStringLiteral("wss"));
    } else if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        return fail(tr("Use ws://, wss://, http:// or https://, not %1://.").arg(scheme));
    }
    if (bare && url.port() == -1) {
        url.setPort(kDefaultPort);
    }
    if (url.path().isEmpty() || url.path() == QLatin1String("/")) {
        url.setPath(QStringLiteral("/ws"));
    }
    url.setFragment(QString());
    return url;
}

QUrl ConnectDialog::url() const
{
    return parseAddress(m_address->currentText()).value_or(QUrl());
}

void ConnectDialog::validate()
{
    QString error;
    const auto url = parseAddress(m_address->currentText(), &error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(url.has_value());
    m_hint->setText(url ? tr("Will connect to %1").arg(url->toDisplayString(QUrl::RemoveQuery)) : error);
}

} // namespace omni::gui
