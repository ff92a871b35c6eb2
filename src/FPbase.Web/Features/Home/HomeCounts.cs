namespace FPbase.Web.Features.Home;

/// <summary>What the home page counts.</summary>
public sealed record HomeCounts(int Proteins, int Spectra, int Dyes, int Filters, int Microscopes, int OpticalConfigs, int References);
