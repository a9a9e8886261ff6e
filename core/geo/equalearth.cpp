#include "geo/equalearth.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace techrace::geo::equalearth {

namespace {

constexpr double a1 = 1.340264;
constexpr double a2 = -0.081106;
constexpr double a3 = 0.000893;
constexpr double a4 = 0.003796;
constexpr double degree = std::numbers::pi / 180.0;
const double m = std::sqrt(3.0) / 2.0;

/** y(θ) and its derivative, the polynomial of the paper's equation (2). */
double polyY(double theta)
{
    const double t2 = theta * theta;
    const double t6 = t2 * t2 * t2;
    return theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2));
}

double polyYPrime(double theta)
{
    const double t2 = theta * theta;
    const double t6 = t2 * t2 * t2;
    return a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2);
}

double xAt(double lambda, double theta)
{
    return 2 * std::sqrt(3.0) * lambda * std::cos(theta) / (3 * polyYPrime(theta));
}

} // namespace

double maxX()
{
    return xAt(std::numbers::pi, 0);
}

double maxY()
{
    return polyY(std::numbers::pi / 3);
}

PlanePoint forward(GeoPoint point)
{
    const double theta = std::asin(m * std::sin(point.lat * degree));
    return {xAt(point.lon * degree, theta), polyY(theta)};
}

std::optional<GeoPoint> inverse(PlanePoint point)
{
    if (std::abs(point.y) > maxY())
        return std::nullopt;
    // Newton's method on y(θ) = y; y is monotonic on [-π/3, π/3], a handful of steps reach machine precision.
    double theta = point.y / a1;
    for (int i = 0; i < 12; ++i) {
        const double step = (polyY(theta) - point.y) / polyYPrime(theta);
        theta -= step;
        if (std::abs(step) < 1e-14)
            break;
    }
    const double lambda = 3 * point.x * polyYPrime(theta) / (2 * std::sqrt(3.0) * std::cos(theta));
    if (std::abs(lambda) > std::numbers::pi + 1e-12)
        return std::nullopt;
    const double phi = std::asin(std::clamp(std::sin(theta) / m, -1.0, 1.0));
    return GeoPoint {lambda / degree, phi / degree};
}

} // namespace techrace::geo::equalearth
