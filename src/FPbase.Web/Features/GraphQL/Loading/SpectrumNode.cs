using FPbase.Data.Entities;

namespace FPbase.Web.Features.GraphQL.Loading;

/// <summary>A spectrum without its values, which are loaded (in one batch) only when <c>data</c> is asked for.</summary>
internal sealed record SpectrumNode(
    int Id,
    SpectrumCategory Category,
    SpectrumSubtype Subtype,
    int MinWave,
    int MaxWave,
    int? PeakWave,
    double? ScaleFactor,
    double? Ph,
    string Solvent,
    string Source,
    int? OwnerFluorId,
    int? OwnerFilterId,
    int? OwnerLightId,
    int? OwnerCameraId,
    int? ReferenceId);

/// <summary>A spectrum's values on its 1 nm grid, starting at <see cref="MinWave"/>; written as [[wave, value], ...].</summary>
internal sealed record SpectrumNodeValues(int MinWave, float[] Values);
