#pragma once

#include "status.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace techrace {

class SqliteStatement;

/** Thin RAII owner of a sqlite3 connection. All SQL goes through prepared statements (SqliteStatement). */
class SqliteDb
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite,
        Create
    };

    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;
    SqliteDb(SqliteDb &&other) noexcept;
    SqliteDb &operator=(SqliteDb &&other) noexcept;

    /** Opens a database file. Fails (with the path in the message) if it is missing in ReadOnly/ReadWrite mode. */
    static Expected<SqliteDb> open(const QString &path, Mode mode);
    /** Opens an in-memory, read-only copy of a serialized database (the embedded knowledge base). */
    static Expected<SqliteDb> openImage(const QByteArray &image);
    /** Opens an in-memory, writable copy of a serialized database: a scratch copy to validate changes on. */
    static Expected<SqliteDb> openWritableImage(const QByteArray &image);
    /** The bytes of schema `schema` (e.g. "main"), as a file of it would hold them. */
    [[nodiscard]] Expected<QByteArray> serialize(const QString &schema = QStringLiteral("main")) const;

    /** Runs one or more statements without results (schema scripts, pragmas). */
    Status exec(const QString &sql);
    [[nodiscard]] Expected<SqliteStatement> prepare(const QString &sql) const;
    /** The first column of the first row of a query, or an invalid QVariant. */
    [[nodiscard]] Expected<QVariant> scalar(const QString &sql) const;

    [[nodiscard]] int userVersion() const;
    [[nodiscard]] QString lastError() const;
    [[nodiscard]] bool isOpen() const { return m_db != nullptr; }
    [[nodiscard]] sqlite3 *handle() const { return m_db; }

private:
    explicit SqliteDb(sqlite3 *db)
        : m_db(db)
    { }
    sqlite3 *m_db = nullptr;
};

/** A prepared statement; bind by 1-based index, step, read columns. */
class SqliteStatement
{
public:
    enum class Step
    {
        Row,
        Done,
        Error
    };

    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    void bind(int index, const QVariant &value);
    void bindText(int index, const QString &value);
    void bindNull(int index);
    Step step();
    /** Runs the statement to completion; the message carries SQLite's reason on failure. */
    Status run();
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] QString columnName(int column) const;
    [[nodiscard]] QVariant value(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] QString errorMessage() const;

private:
    friend class SqliteDb;
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt)
    { }
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace techrace
