using FPbase.Caching;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Spectra.Api;

/// <summary>The query parameters of <c>/spectra_csv/</c>: <c>q</c>, the spectrum ids.</summary>
internal sealed class SpectraCsvParameters() : QueryParameters("q");
