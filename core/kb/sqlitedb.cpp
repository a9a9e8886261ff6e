#include "kb/sqlitedb.h"

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace techrace {

SqliteDb::~SqliteDb()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

SqliteDb::SqliteDb(SqliteDb &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{ }

SqliteDb &SqliteDb::operator=(SqliteDb &&other) noexcept
{
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Expected<SqliteDb> SqliteDb::open(const QString &path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString reason = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return Status::failure(QStringLiteral("Cannot open database %1: %2").arg(path, reason));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 2000);
    SqliteDb result(db);
    // A file that is not SQLite opens fine and fails on first read: check now so the message names the file.
    if (auto probe = result.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema")); !probe)
        return Status::failure(QStringLiteral("%1 is not a usable SQLite database: %2").arg(path, probe.message()));
    if (auto fk = result.exec(QStringLiteral("PRAGMA foreign_keys = ON")); !fk)
        return fk;
    return result;
}

namespace {

/** Opens an in-memory connection on a copy of `image`; `*out` stays null on failure. */
Status deserialize(const QByteArray &image, unsigned flags, sqlite3 **out)
{
    if (image.isEmpty())
        return Status::failure(QStringLiteral("The embedded knowledge base is empty"));
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return Status::failure(QStringLiteral("Cannot create an in-memory database"));
    }
    // SQLite takes ownership of a sqlite3_malloc'd copy, so the image's lifetime does not matter.
    const auto size = static_cast<sqlite3_int64>(image.size());
    auto *copy = static_cast<unsigned char *>(sqlite3_malloc64(static_cast<sqlite3_uint64>(size)));
    if (!copy) {
        sqlite3_close_v2(db);
        return Status::failure(QStringLiteral("Out of memory loading the knowledge base"));
    }
    std::memcpy(copy, image.constData(), static_cast<size_t>(size));
    const int rc = sqlite3_deserialize(db, "main", copy, size, size, SQLITE_DESERIALIZE_FREEONCLOSE | flags);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(db);
        return Status::failure(
            QStringLiteral("Cannot load the embedded knowledge base: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
    *out = db;
    return {};
}

} // namespace

Expected<SqliteDb> SqliteDb::openImage(const QByteArray &image)
{
    sqlite3 *handle = nullptr;
    if (auto status = deserialize(image, SQLITE_DESERIALIZE_READONLY, &handle); !status)
        return status;
    SqliteDb result(handle);
    if (auto probe = result.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema")); !probe)
        return Status::failure(QStringLiteral("The embedded knowledge base is corrupt: %1").arg(probe.message()));
    return result;
}

Expected<SqliteDb> SqliteDb::openWritableImage(const QByteArray &image)
{
    sqlite3 *handle = nullptr;
    if (auto status = deserialize(image, SQLITE_DESERIALIZE_RESIZEABLE, &handle); !status)
        return status;
    SqliteDb result(handle);
    sqlite3_extended_result_codes(handle, 1);
    if (auto probe = result.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema")); !probe)
        return Status::failure(QStringLiteral("The database copy is corrupt: %1").arg(probe.message()));
    return result;
}

Expected<QByteArray> SqliteDb::serialize(const QString &schema) const
{
    sqlite3_int64 size = 0;
    unsigned char *data = sqlite3_serialize(m_db, schema.toUtf8().constData(), &size, 0);
    if (!data)
        return Status::failure(QStringLiteral("Cannot copy database %1: %2").arg(schema, lastError()));
    QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    sqlite3_free(data);
    return bytes;
}

Status SqliteDb::exec(const QString &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : sqlite3_errmsg(m_db));
        sqlite3_free(error);
        return Status::failure(message);
    }
    return {};
}

Expected<SqliteStatement> SqliteDb::prepare(const QString &sql) const
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
    return SqliteStatement(m_db, stmt);
}

Expected<QVariant> SqliteDb::scalar(const QString &sql) const
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.status();
    switch (stmt->step()) {
    case SqliteStatement::Step::Row:
        return stmt->value(0);
    case SqliteStatement::Step::Done:
        return QVariant();
    case SqliteStatement::Step::Error:
        break;
    }
    return Status::failure(stmt->errorMessage());
}

int SqliteDb::userVersion() const
{
    auto version = scalar(QStringLiteral("PRAGMA user_version"));
    return version ? version.value().toInt() : -1;
}

QString SqliteDb::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
{ }

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Bool:
        sqlite3_bind_int64(m_stmt, index, value.toLongLong());
        break;
    case QMetaType::Double:
        sqlite3_bind_double(m_stmt, index, value.toDouble());
        break;
    default:
        bindText(index, value.toString());
    }
}

void SqliteStatement::bindText(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

SqliteStatement::Step SqliteStatement::step()
{
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Error;
    }
}

Status SqliteStatement::run()
{
    Step result = Step::Row;
    while (result == Step::Row)
        result = step();
    if (result == Step::Error) {
        const QString message = errorMessage();
        sqlite3_reset(m_stmt);
        return Status::failure(message);
    }
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QString SqliteStatement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, column));
}

QVariant SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(static_cast<qint64>(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_NULL:
        return {};
    default:
        return QVariant(text(column));
    }
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqliteStatement::errorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

} // namespace techrace
