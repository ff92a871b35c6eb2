using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Web.Features.Spectra.Images;

namespace FPbase.Web.Features.Proteins.Page;

/// <summary>
/// Everything a protein page shows, loaded in one go: the protein with its organism, states (with their
/// bleach measurements), transitions and OSER measurements; its references (primary first); the approved
/// excerpts about it; its lineage parent and children; and its spectra figure.
/// </summary>
public sealed record ProteinPage(
    Protein Protein,
    IReadOnlyList<State> States,
    IReadOnlyList<Reference> References,
    IReadOnlyList<Excerpt> Excerpts,
    LineageLink? Parent,
    string Mutation,
    IReadOnlyList<LineageLink> Children,
    SpectraPlot Spectra)
{
    /// <summary>Links the protein names in the excerpts (FPbase's excerpt links).</summary>
    public ProteinNameLinker Names { get; init; } = ProteinNameLinker.Empty;

    public bool IsPending => Protein.Status == ProteinStatus.Pending;

    /// <summary>FPbase's "download spectra as csv": <c>/spectra_csv/?q=</c> with the figure's spectra, or null without any.</summary>
    public string? SpectraCsvUrl
        => Spectra.Series.Select(s => s.SpectrumId).Distinct().ToList() is { Count: > 0 and <= FPbase.Web.Features.Spectra.Api.SpectraCsvController.MaxSpectra } ids
            ? "/spectra_csv/?q=" + string.Join(",", ids)
            : null;

    public IEnumerable<(State State, BleachMeasurement Measurement)> Bleaching
        => States.SelectMany(s => s.BleachMeasurements.OrderBy(b => b.Id).Select(b => (s, b)));
}

/// <summary>A lineage neighbour, linked by name.</summary>
public sealed record LineageLink(string Name, string Slug, string Mutation);
