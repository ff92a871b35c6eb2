namespace FPbase.Web.Features.Spectra.List;

/// <summary>One entry of FPbase's spectra list: the spectrum and who owns it.</summary>
public sealed record SpectraListItem(int Id, string Category, string Subtype, SpectrumOwnerRef Owner);

/// <summary>
/// The owner as FPbase lists it: a fluorophore (protein or dye state: its slug and its protein's or
/// dye's name, no URL), or a filter, light or camera (slug, name, product URL).
/// </summary>
public sealed record SpectrumOwnerRef(int Id, string Slug, string Name, string Url);

/// <summary><c>{"data":{"spectra":[...]}}</c>, FPbase's shape.</summary>
public sealed record SpectraListResponse(SpectraListData Data);

public sealed record SpectraListData(IReadOnlyList<SpectraListItem> Spectra);
