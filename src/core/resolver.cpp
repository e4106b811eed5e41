#include "resolver.h"

#include "digest.h"
#include "enginestate.h"

namespace Strata {

namespace {

const QLatin1String Sha256Prefix("sha256:");
constexpr qsizetype Sha256HexLength = 64;

Resolution notFound(const QString &shownName)
{
    Resolution resolution;
    resolution.status = Resolution::Status::NotFound;
    resolution.httpStatus = 404;
    resolution.errorMessage = QStringLiteral("No such image: ") + shownName;
    return resolution;
}

// The digest set lookup the image store's Search does on the raw input: a string without ':'
// is a hex prefix as it is; "sha256:<short>" is one after the algorithm (its short hex fails
// digest validation with "invalid length", not "invalid format"); anything else with a ':'
// names another algorithm or is no digest at all, and matches no sha256 image ID.
QStringView idPrefixOf(const QString &input)
{
    if (!input.contains(QLatin1Char(':')))
        return input;
    if (input.startsWith(Sha256Prefix)) {
        const QStringView hex = QStringView(input).sliced(Sha256Prefix.size());
        if (!hex.isEmpty() && hex.size() != Sha256HexLength)
            return hex;
    }
    return {};
}

} // namespace

Resolver::Resolver(const EngineState &state)
    : m_state(state)
{ }

bool Resolver::isIdPrefix(const QString &imageId, const QString &input)
{
    if (imageId.startsWith(input))
        return true;
    const qsizetype colon = imageId.indexOf(QLatin1Char(':'));
    return colon >= 0 && QStringView(imageId).sliced(colon + 1).startsWith(input);
}

Resolution Resolver::found(int image, const QString &input) const
{
    Resolution resolution;
    resolution.status = Resolution::Status::Found;
    resolution.imageIndex = image;
    resolution.imageId = m_state.imageId(image);
    resolution.byId = isIdPrefix(resolution.imageId, input);
    return resolution;
}

// GetImage (daemon/images/image.go) after ParseAnyReference (SEMANTICS.md §1.3).
Resolution Resolver::resolve(const QString &input) const
{
    // A full image ID, what the table sends for untagged rows, is the common case: a live
    // image with exactly this ID proves the input well-formed.
    if (input.size() == Sha256Prefix.size() + Sha256HexLength && input.startsWith(Sha256Prefix)) {
        const int image = m_state.listedImage(input);
        if (image >= 0) // a well-formed digest then, of a live or a deleted image
            return m_state.isAlive(image) ? found(image, input) : notFound(input);
    }
    // A tag or digest exactly as the engine lists it, what the table sends for tagged rows:
    // it parses, and normalises to the reference it came from.
    const int ref = m_state.referenceByFamiliar(input);
    if (ref >= 0) {
        Resolution resolution = found(m_state.imageOfReference(ref), input);
        resolution.referenceIndex = ref;
        return resolution;
    }
    // A digest, given as 64 hex or in full, names exactly one image ID: no prefix search.
    if (Digest::isBareHexId(input) || Reference::digestError(input).isEmpty()) {
        const QString id = input.contains(QLatin1Char(':')) ? input : Sha256Prefix + input;
        const int image = m_state.indexOfImage(id);
        return image >= 0 ? found(image, input) : notFound(id);
    }

    QString parseError;
    const Reference reference = Reference::parse(input, &parseError);
    if (!reference.isValid()) {
        Resolution resolution;
        resolution.status = Resolution::Status::Invalid;
        resolution.httpStatus = 400;
        resolution.errorMessage = parseError;
        return resolution;
    }

    int image = m_state.imageByReference(reference.storeKey());
    if (image < 0) {
        // An ambiguous prefix is swallowed: the lookup just finds nothing.
        image = m_state.findByIdPrefix(idPrefixOf(input)).image;
    }
    if (image < 0) {
        Resolution resolution = notFound(reference.familiarStringWithDefaultTag());
        resolution.reference = reference;
        return resolution;
    }
    Resolution resolution = found(image, input);
    resolution.reference = reference;
    return resolution;
}

} // namespace Strata
