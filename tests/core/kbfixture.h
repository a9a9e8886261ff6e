#pragma once

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

// A writable copy of the real knowledge-base text (data/kb), for tests that corrupt it on purpose.
inline bool copyKnowledgeBaseText(const QTemporaryDir &target)
{
    const QDir source(QStringLiteral(SOURCE_DIR "/data/kb"));
    for (const QString &name : source.entryList(QDir::Files)) {
        if (!QFile::copy(source.filePath(name), target.filePath(name)))
            return false;
        QFile::setPermissions(target.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

inline bool appendLine(const QString &path, const QByteArray &line)
{
    QFile file(path);
    if (!file.open(QIODevice::Append))
        return false;
    return file.write(line + '\n') == line.size() + 1;
}
