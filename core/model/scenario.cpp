#include "model/scenario.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace techrace {

namespace {

constexpr auto presetDir = ":/techrace/scenarios";

Status fieldError(const QString &field, const QString &problem)
{
    return Status::failure(QStringLiteral("scenario field \"%1\": %2").arg(field, problem));
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

} // namespace

Status Scenario::setLever(const LeverRegistry &registry, const QString &id, double value)
{
    const Lever *lever = registry.find(id);
    if (!lever)
        return fieldError(QStringLiteral("levers.") + id, QStringLiteral("no such lever"));
    if (!std::isfinite(value) || value < lever->min || value > lever->max)
        return fieldError(
            QStringLiteral("levers.") + id,
            QStringLiteral("%1 is outside the lever's range %2 to %3").arg(value).arg(lever->min).arg(lever->max));
    for (auto &entry : m_overrides) {
        if (entry.first == id) {
            entry.second = value;
            return {};
        }
    }
    m_overrides.append({id, value});
    return {};
}

void Scenario::resetLever(const QString &id)
{
    m_overrides.removeIf([&id](const QPair<QString, double> &entry) { return entry.first == id; });
}

double Scenario::leverValue(const Lever &lever) const
{
    for (const auto &entry : m_overrides) {
        if (entry.first == lever.id)
            return entry.second;
    }
    return lever.baseline;
}

std::vector<double> Scenario::leverValues(const LeverRegistry &registry) const
{
    std::vector<double> values = registry.baselineValues();
    for (const auto &entry : m_overrides) {
        const qsizetype i = registry.indexOf(entry.first);
        if (i >= 0)
            values[static_cast<std::size_t>(i)] = entry.second;
    }
    return values;
}

Expected<Scenario> Scenario::fromJson(const QByteArray &json, const LeverRegistry &registry)
{
    if (json.size() > maxFileBytes)
        return Status::failure(
            QStringLiteral("scenario: %1 bytes is more than the %2-byte limit").arg(json.size()).arg(maxFileBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Status::failure(QStringLiteral("scenario: not valid JSON at byte %1: %2")
                                   .arg(parseError.offset)
                                   .arg(parseError.errorString()));
    if (!doc.isObject())
        return Status::failure(QStringLiteral("scenario: the file must hold a JSON object"));
    const QJsonObject root = doc.object();
    static const QStringList known = {QStringLiteral("format"), QStringLiteral("version"),
                                      QStringLiteral("name"),   QStringLiteral("description"),
                                      QStringLiteral("seed"),   QStringLiteral("levers")};
    for (const QString &key : root.keys()) {
        if (!known.contains(key))
            return fieldError(key, QStringLiteral("unknown field"));
    }
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(formatName))
        return fieldError(QStringLiteral("format"),
                          QStringLiteral("expected \"%1\", got %2")
                              .arg(QLatin1String(formatName),
                                   typeName(root.value(QStringLiteral("format"))) + QStringLiteral(" ") +
                                       root.value(QStringLiteral("format")).toString()));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != formatVersion)
        return fieldError(QStringLiteral("version"),
                          QStringLiteral("this build reads version %1 (got %2)")
                              .arg(formatVersion)
                              .arg(version.isDouble() ? QString::number(version.toDouble()) : typeName(version)));

    Scenario scenario;
    for (const QString &field : {QStringLiteral("name"), QStringLiteral("description")}) {
        const QJsonValue v = root.value(field);
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return fieldError(field, QStringLiteral("expected a string, got %1").arg(typeName(v)));
        if (v.toString().size() > 10000)
            return fieldError(field, QStringLiteral("longer than 10000 characters"));
        (field == QLatin1String("name") ? scenario.name : scenario.description) = v.toString();
    }
    const QJsonValue seed = root.value(QStringLiteral("seed"));
    if (!seed.isUndefined()) {
        const double s = seed.toDouble(-1);
        if (!seed.isDouble() || s < 0 || s > 4294967295.0 || s != std::floor(s))
            return fieldError(QStringLiteral("seed"),
                              QStringLiteral("expected an integer 0 to 4294967295, got %1")
                                  .arg(seed.isDouble() ? QString::number(s) : typeName(seed)));
        scenario.seed = static_cast<quint32>(s);
    }
    const QJsonValue levers = root.value(QStringLiteral("levers"));
    if (!levers.isUndefined()) {
        if (!levers.isObject())
            return fieldError(QStringLiteral("levers"),
                              QStringLiteral("expected an object, got %1").arg(typeName(levers)));
        const QJsonObject object = levers.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isDouble())
                return fieldError(QStringLiteral("levers.") + it.key(),
                                  QStringLiteral("expected a number, got %1").arg(typeName(it.value())));
            if (Status status = scenario.setLever(registry, it.key(), it.value().toDouble()); !status)
                return status;
        }
    }
    return scenario;
}

Expected<Scenario> Scenario::load(const QString &path, const LeverRegistry &registry)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(
            QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > maxFileBytes)
        return Status::failure(QStringLiteral("%1: %2 bytes is more than the %3-byte limit for a scenario file")
                                   .arg(QDir::toNativeSeparators(path))
                                   .arg(file.size())
                                   .arg(maxFileBytes));
    auto scenario = fromJson(file.read(maxFileBytes + 1), registry);
    if (!scenario)
        return Status::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + scenario.message());
    return scenario;
}

QByteArray Scenario::toJson() const
{
    QJsonObject levers;
    for (const auto &entry : m_overrides)
        levers.insert(entry.first, entry.second);
    QJsonObject root;
    root.insert(QStringLiteral("format"), QLatin1String(formatName));
    root.insert(QStringLiteral("version"), formatVersion);
    root.insert(QStringLiteral("name"), name);
    root.insert(QStringLiteral("description"), description);
    root.insert(QStringLiteral("seed"), static_cast<double>(seed));
    root.insert(QStringLiteral("levers"), levers);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status Scenario::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray json = toJson();
    if (file.write(json) != json.size() || !file.commit())
        return Status::failure(
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

QStringList Scenario::presetIds()
{
    QStringList ids;
    const auto entries = QDir(QLatin1String(presetDir)).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &entry : entries)
        ids.append(entry.chopped(5));
    return ids;
}

Expected<Scenario> Scenario::preset(const QString &id, const LeverRegistry &registry)
{
    if (!presetIds().contains(id))
        return Status::failure(
            QStringLiteral("no preset \"%1\" (presets: %2)").arg(id, presetIds().join(QStringLiteral(", "))));
    return load(QStringLiteral("%1/%2.json").arg(QLatin1String(presetDir), id), registry);
}

} // namespace techrace
