#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

namespace techrace {

/**
 * The year every view shows (map, timeline, later the charts), and its play/pause: moving it on one page moves it
 * on all. Plays one year per `interval` ms and stops at the last year.
 */
class YearCursor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
    Q_PROPERTY(int firstYear READ firstYear CONSTANT)
    Q_PROPERTY(int lastYear READ lastYear CONSTANT)
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playingChanged)
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)

public:
    /** The year shown at start: the last year the knowledge base has data for in most tables. */
    static constexpr int defaultYear = 2026;

    explicit YearCursor(QObject *parent = nullptr);

    [[nodiscard]] int year() const { return m_year; }
    void setYear(int year);
    [[nodiscard]] int firstYear() const;
    [[nodiscard]] int lastYear() const;
    [[nodiscard]] bool playing() const { return m_timer.isActive(); }
    void setPlaying(bool playing);
    [[nodiscard]] int interval() const { return m_timer.interval(); }
    void setInterval(int interval);

    /** Moves by `years` (clamped); stops playing at the ends. */
    Q_INVOKABLE void step(int years);

Q_SIGNALS:
    void yearChanged();
    void playingChanged();
    void intervalChanged();

private:
    int m_year = defaultYear;
    QTimer m_timer;
};

} // namespace techrace
