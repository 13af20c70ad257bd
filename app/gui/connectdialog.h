// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QUrl>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace omni::gui {

/// "Connect to a robot": asks for the address of another omniscient (the Pi), offering the recent ones.
/// Accepts what people type: "raspberrypi", "pi:3001", "192.168.1.20", the page's address
/// "http://pi:3001/?token=…" or the stream's "ws://pi:3001/ws".
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    /// The default port of the mirror server.
    static constexpr int kDefaultPort = 3001;

    /// A dialog offering `recent` (most recent first), pre-filled with the first.
    explicit ConnectDialog(const QStringList &recent, QWidget *parent = nullptr);

    /// The WebSocket URL chosen (valid after accept()).
    [[nodiscard]] QUrl url() const;
    /// The address field (tests type into it).
    [[nodiscard]] QComboBox *addressBox() const { return m_address; }

    /// Turns what a person typed into the stream URL; nullopt with `error` (translated) when it cannot.
    static std::optional<QUrl> parseAddress(const QString &text, QString *error = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void validate();
    void retranslate();

    QLabel *m_intro;
    QComboBox *m_address;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace omni::gui
