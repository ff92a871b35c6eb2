using FPbase.Caching;

namespace FPbase.Web.Features.Api;

/// <summary>The query parameters of <c>/spectra_csv/</c>: <c>q</c>, the spectrum ids.</summary>
internal sealed class SpectraCsvParameters() : QueryParameters("q");
