#pragma once

#include "kb/sqlitedb.h"
#include "kb/userdatabase.h"
#include "status.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace techrace {

/** Read access to a knowledge base: the one embedded in the binary or a file given on the command line. */
class KnowledgeBase
{
public:
    /** Where the build embeds the compiled knowledge base (see data/CMakeLists.txt). */
    static constexpr auto embeddedResource = ":/techrace/kb/techrace-kb.sqlite";
    /** The schema version this build reads and writes. */
    static constexpr int schemaVersion = 1;

    static Expected<KnowledgeBase> openEmbedded();
    static Expected<KnowledgeBase> openFile(const QString &path);

    struct Region
    {
        QString id;
        QString name;
    };
    struct Programme
    {
        QString id;
        QString name;
        QString regionId;
        double amountNative = 0;
        QString currency;
        std::optional<double> amountUsd;
        int startYear = 0;
        QString funder; // state, private, public_private, unknown
        QString partOf; // id of the programme this one is a sub-package of, or empty
        QString sourceId;
        QString quote;
    };
    struct Parameter
    {
        QString id;
        QString name;
        double value = 0;
        double low = 0;
        double high = 0;
        QString unit;
    };
    struct Source
    {
        QString id;
        QString title;
        QString publisher;
        QString published;
        QString reliability;
    };

    [[nodiscard]] QList<Region> regions() const;
    [[nodiscard]] QList<Programme> programmes() const;
    [[nodiscard]] std::optional<Parameter> parameter(const QString &id) const;
    [[nodiscard]] std::optional<Source> source(const QString &id) const;
    /** Row count per table, in creation order. */
    [[nodiscard]] QList<QPair<QString, qint64>> tableCounts() const;
    [[nodiscard]] const SqliteDb &database() const { return m_db; }
    /** For changes to the user database (import, hide, revert); the shipped tables stay read-only. */
    [[nodiscard]] SqliteDb &database() { return m_db; }

    /**
     * Layers the user database at `path` over this knowledge base (see userdb::attach). From then on every query
     * sees the user's additions and edits. The result's notice is for the user.
     */
    const userdb::AttachResult &attachUserDatabase(const QString &path);
    /** How the user database was opened; `attached` is false when there is none. */
    [[nodiscard]] const userdb::AttachResult &userDatabase() const { return m_user; }

private:
    explicit KnowledgeBase(SqliteDb db)
        : m_db(std::move(db))
    { }
    static Expected<KnowledgeBase> checked(Expected<SqliteDb> db, const QString &origin);
    SqliteDb m_db;
    userdb::AttachResult m_user;
};

} // namespace techrace
