#include "kb/csv.h"

#include <QSet>
#include <QStringDecoder>

namespace techrace::csv {

namespace {

Status fail(const QString &name, int line, const QString &reason)
{
    return Status::failure(QStringLiteral("%1:%2: %3").arg(name).arg(line).arg(reason));
}

} // namespace

Expected<Table> parse(const QByteArray &bytes, const QString &name, const Limits &limits)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        const qsizetype bad = text.indexOf(QChar::ReplacementCharacter);
        const int line = bad < 0 ? 1 : static_cast<int>(QStringView(text).left(bad).count(u'\n')) + 1;
        return fail(name, line, QStringLiteral("the file is not valid UTF-8"));
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    Table table;
    QStringList fields;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int recordLine = 1;

    auto finishField = [&]() -> Status {
        if (field.size() > limits.maxFieldChars)
            return fail(name, recordLine,
                        QStringLiteral("a field is longer than %1 characters").arg(limits.maxFieldChars));
        fields.append(field);
        field.clear();
        fieldWasQuoted = false;
        return {};
    };
    auto finishRecord = [&]() -> Status {
        if (fields.size() == 1 && fields.first().isEmpty() && !fieldWasQuoted) {
            fields.clear(); // blank line
            return {};
        }
        if (table.header.isEmpty()) {
            QSet<QString> seen;
            for (const QString &column : std::as_const(fields)) {
                if (column.trimmed().isEmpty())
                    return fail(name, recordLine, QStringLiteral("the header has an empty column name"));
                if (seen.contains(column))
                    return fail(name, recordLine, QStringLiteral("the header repeats column \"%1\"").arg(column));
                seen.insert(column);
            }
            table.header = fields;
        } else {
            if (fields.size() != table.header.size())
                return fail(name, recordLine,
                            QStringLiteral("expected %1 fields as in the header, found %2")
                                .arg(table.header.size())
                                .arg(fields.size()));
            if (table.records.size() >= limits.maxRecords)
                return fail(name, recordLine, QStringLiteral("more than %1 rows").arg(limits.maxRecords));
            table.records.append(Record {recordLine, fields});
        }
        fields.clear();
        return {};
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
                if (field.size() > limits.maxFieldChars)
                    return fail(name, recordLine,
                                QStringLiteral("a field is longer than %1 characters").arg(limits.maxFieldChars));
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty())
                return fail(name, line, QStringLiteral("a quote appears inside an unquoted field"));
            inQuotes = true;
            fieldWasQuoted = true;
        } else if (c == u',') {
            if (auto s = finishField(); !s)
                return s;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            if (auto s = finishField(); !s)
                return s;
            if (auto s = finishRecord(); !s)
                return s;
            ++line;
            recordLine = line;
        } else {
            if (fieldWasQuoted)
                return fail(name, line, QStringLiteral("text follows a closing quote"));
            field.append(c);
            if (field.size() > limits.maxFieldChars)
                return fail(name, recordLine,
                            QStringLiteral("a field is longer than %1 characters").arg(limits.maxFieldChars));
        }
    }
    if (inQuotes)
        return fail(name, recordLine, QStringLiteral("a quoted field is never closed"));
    if (!field.isEmpty() || !fields.isEmpty() || fieldWasQuoted) {
        if (auto s = finishField(); !s)
            return s;
        if (auto s = finishRecord(); !s)
            return s;
    }
    if (table.header.isEmpty())
        return fail(name, 1, QStringLiteral("the file has no header row"));
    return table;
}

QString escape(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString line(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped.append(escape(f));
    return escaped.join(u',');
}

} // namespace techrace::csv
