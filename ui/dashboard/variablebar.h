#pragma once

#include <QWidget>

class DashboardSession;
class QHBoxLayout;

/// A dashboard's variables above its grid, as Grafana shows them: a label and a drop-down per
/// shown variable ("All" first when the variable includes it; a list of checkable values for a
/// multi-value one; free text for a textbox). Choosing sets the variable in the session, which
/// runs again only the panels that use it.
class VariableBar final : public QWidget
{
    Q_OBJECT

public:
    explicit VariableBar(DashboardSession* session, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(VariableBar)

    /// Builds the controls again from the session's variables.
    void rebuild();

private:
    DashboardSession* m_session;
    QHBoxLayout* m_layout;
};
