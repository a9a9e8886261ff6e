// techrace-kbc: compiles data/kb/*.csv into the SQLite knowledge base at build time.
#include "kb/kbcompiler.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() != 3) {
        err << "usage: techrace-kbc DATA_DIR OUTPUT.sqlite\n";
        return 2;
    }
    if (auto status = techrace::compileKnowledgeBase(args.at(1), args.at(2)); !status) {
        err << "techrace-kbc: " << status.message() << '\n';
        return 1;
    }
    return 0;
}
