// The Qt headers most files of ui/ (and the tests, which reuse it) include, precompiled once
// (workbench_precompile in the top CMakeLists.txt). A file still includes what it uses; this only
// saves the parsing, about half of a file's compile time.
#pragma once

#include "../backends/precompiled.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QWidget>
