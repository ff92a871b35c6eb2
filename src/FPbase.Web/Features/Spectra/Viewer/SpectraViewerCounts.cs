namespace FPbase.Web.Features.Spectra.Viewer;

/// <summary>What the viewer page says without JavaScript: how many approved spectra, and whose.</summary>
public sealed record SpectraViewerCounts(int Spectra, int Fluorophores, int Filters, int Lights, int Cameras)
{
    public int Owners => Fluorophores + Filters + Lights + Cameras;
}
