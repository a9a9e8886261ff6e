#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcKb)
Q_DECLARE_LOGGING_CATEGORY(lcModel)
