#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

// A writable copy of the real knowledge-base text (data/kb), for tests that corrupt it on purpose.
inline bool copyKnowledgeBaseText(const QTemporaryDir &target)
{
    const QDir source(QStringLiteral(SOURCE_DIR "/data/kb"));
    QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = source.relativeFilePath(it.next());
        const QString destination = target.filePath(relative);
        if (!QDir().mkpath(QFileInfo(destination).path()) || !QFile::copy(source.filePath(relative), destination))
            return false;
        QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner);
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
