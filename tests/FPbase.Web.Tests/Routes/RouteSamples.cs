namespace FPbase.Web.Tests.Routes;

/// <summary>
/// The URLs the audit requests for each route that has parameters (or needs a query string), keyed by
/// the route template exactly as mapped (<c>RoutePattern.RawText</c>: MVC drops the trailing slash). A
/// new route with parameters fails the audit until it has an entry here: no route goes unaudited silently.
/// Parameterless routes are requested as they are.
/// </summary>
internal static class RouteSamples
{
    public static readonly IReadOnlyDictionary<string, Func<SampleValues, string[]>> ByTemplate =
        new Dictionary<string, Func<SampleValues, string[]>>(StringComparer.Ordinal)
        {
            ["/protein/{slug:nonblank}"] = v => [$"/protein/{v.ProteinSlug}/", $"/protein/{v.ProteinUuid}/"],
            ["/ajax/lineage/{slug:nonblank}"] = v => [$"/ajax/lineage/{v.LineageProteinSlug}/"],
            ["/spectra_img/{slug:nonblank}.svg"] = v => [$"/spectra_img/{v.ProteinSlug}.svg"],
            ["/spectra_img/{slug:nonblank}.png"] = v => [$"/spectra_img/{v.ProteinSlug}.png"],
            ["/spectra/{slug:nonblank}"] = v => ["/spectra/egfp_default", $"/spectra/{v.FilterSlug}"],
            ["/spectra_img/{slug:nonblank}"] = v => [$"/spectra_img/{v.ProteinSlug}"],
            ["/api/spectrum/{id:int}"] = v => [$"/api/spectrum/{v.SpectrumId}/"],
            ["/spectra_csv"] = v => [$"/spectra_csv/?q={v.SpectrumId}"],
            ["/reference/{id:int}"] = v => [$"/reference/{v.ReferenceId}/"],
            ["/api/microscopes/{id}"] = v => [$"/api/microscopes/{v.MicroscopeId}/"],
            ["/api/optical-configs/{configId:int}"] = v => [$"/api/optical-configs/{v.OpticalConfigId}/"],
            ["/microscopes/{id}/edit"] = _ => [SampleMicroscopeEdit],
            ["/optical-configs/{configId:int}/edit"] = _ => [SampleOpticalConfigEdit],
            ["/api/proteins/{slug}"] = v => [$"/api/proteins/{v.ProteinSlug}/"],
            ["/api/proteins/{slug}/revisions"] = v => [$"/api/proteins/{v.ProteinSlug}/revisions/"],
            ["/protein/{slug}/edit"] = v => [$"/protein/{v.ProteinSlug}/edit/"],
            ["/protein/{slug:nonblank}/genbank/{accession:nonblank}"] = v => [$"/protein/{v.ProteinSlug}/genbank/{EgfpGenBank}/"],
            ["/protein/{slug:nonblank}/regional-links"] = v => [$"/protein/{v.ProteinSlug}/regional-links/"],
            ["/reference/{**doi}"] = v => [$"/reference/{v.ReferenceDoi}/"],
            ["/api/fret/pair"] = _ => ["/api/fret/pair/?donor=egfp&acceptor=mcherry"],
            ["/microscope/{id}"] = v => [$"/microscope/{v.MicroscopeId}/", $"/microscope/{SampleWidefield}/?c=Widefield%20Green&p=egfp_default"],
            ["/embedscope/{id}"] = v => [$"/embedscope/{v.MicroscopeId}/", $"/embedscope/{SampleWidefield}/?c=Widefield%20Red"],
            ["/compare/{proteins}"] = v => [$"/compare/{v.ProteinSlug},mcherry/"],
            ["/organism/{id:int}"] = v => [$"/organism/{v.OrganismId}/"],
            ["/reference/author/{id:int}"] = v => [$"/reference/author/{v.AuthorId}/"],
            // MapStaticAssets' fallback for files that are not in the build's manifest: nothing to find here.
            ["/{**path:file}"] = _ => ["/no-such-file.txt"],
            ["/search"] = _ => ["/search/", "/search/?default_state__em_max__gte=500&default_state__em_max__lte=620", "/search/?name__iexact=EGFPX&display=t", SampleSearchRedirect],
            ["/autocomplete-protein"] = _ => ["/autocomplete-protein/?q=egf", "/autocomplete-protein/?page=2", "/autocomplete-protein/?q=egf&type=spectra"],
            ["/graphql/"] = v => ["/graphql/?query=" + Uri.EscapeDataString($"{{ spectrum(id: {v.SpectrumId}) {{ id color owner {{ name }} }} }}")],
        };

    // The edit forms redirect anonymous visitors before they read the id: the real FPbase sample's microscope and
    // its first optical config, fixed, so that NotOk can name the URLs.
    private const string SampleMicroscopeEdit = "/microscopes/4yL4ggAozzcMwTU4Ae7zxF/edit/";
    private const string SampleOpticalConfigEdit = "/optical-configs/1/edit/";

    // The header's search box naming a protein exactly: a redirect to its page.
    private const string SampleSearchRedirect = "/search/?q=EGFP";

    // The real FPbase sample's widefield microscope, whose configs have these names.
    private const string SampleWidefield = "wKqWbgApvguSNDSRZNSfpN";

    // EGFP's GenBank accession in the real FPbase sample.
    private const string EgfpGenBank = "AAB02572";

    /// <summary>
    /// Routes whose audited URLs deliberately answer something other than 200, with the reason and the
    /// status. Every other audited URL must answer 200: a sample that 404s audits nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int Status, string Reason)> NotOk =
        new Dictionary<string, (int, string)>(StringComparer.Ordinal)
        {
            ["/api/tokens/"] = (401, "a signed-in user's API tokens; the audit is anonymous"),
            ["/protein/egfp/edit/"] = (302, "the protein edit page is for editors: the anonymous audit is sent to the login page"),
            ["/api/proteins/egfp/revisions/"] = (401, "a protein's revision history names its editors: editors only; the audit is anonymous"),
            ["/api/me/favourites"] = (401, "a signed-in user's favourites; the audit is anonymous"),
            ["/spectra/submit"] = (302, "the spectrum submission form is for editors: anonymous visitors go to the login form"),
            ["/moderation/spectra"] = (302, "the moderation page is for staff: anonymous visitors go to the login form"),
            ["/staff/cache"] = (302, "the cache dashboard is for staff: anonymous visitors go to the login form"),
            ["/microscopes/new"] = (302, "the new-microscope form is for editors: anonymous visitors go to the login form"),
            ["/optical-configs/new"] = (302, "the new-optical-config form is for editors: anonymous visitors go to the login form"),
            [SampleMicroscopeEdit] = (302, "the edit-microscope form is for editors: anonymous visitors go to the login form"),
            [SampleOpticalConfigEdit] = (302, "the edit-optical-config form is for editors: anonymous visitors go to the login form"),
            ["/metrics"] = (401, "metrics are for staff (a scraper with a staff API token); the audit is anonymous"),
            [SampleSearchRedirect] = (302, "a search naming one protein exactly redirects to its page, as FPbase's does"),
            ["/no-such-file.txt"] = (404, "a file that does not exist, through the static files fallback"),
            ["/protein/egfp/genbank/AAB02572/"] = (202, "no Entrez answers in the tests (appsettings.Testing.json): the GenBank fragment says 'not available yet', uncached"),
        };

    /// <summary>
    /// Routes outside the caching middleware on purpose (no [CacheResources], no ETag), with the exact
    /// Cache-Control they must send and why.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string CacheControl, string Reason)> Uncached =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["/livez"] = ("no-store", "liveness probe: an answer from any cache would hide a dead instance"),
            ["/healthz"] = ("no-store", "readiness probe: reports the database and Redis as they are now"),
            ["/metrics"] = ("private, no-store", "the Prometheus scrape: counters as they are now, for staff only"),
            ["/accounts/login"] = ("no-store, no-cache", "a form with an antiforgery token (ASP.NET Core's antiforgery sets this)"),
            ["/accounts/logout"] = ("no-store, no-cache", "a form with an antiforgery token (ASP.NET Core's antiforgery sets this)"),
            ["/accounts/register"] = ("no-store, no-cache", "a form with an antiforgery token (ASP.NET Core's antiforgery sets this)"),
            ["/api/me/"] = ("no-store, private", "who is signed in: per user, never stored"),
            ["/protein/{slug}/edit"] = ("no-store", "edit forms with a per-session antiforgery token, for editors only"),
            ["/protein/{slug:nonblank}/regional-links"] = ("no-store, private", "links for the visitor's country, from the client's address, which no Vary can name: never stored"),
            ["/api/tokens/"] = ("no-store, private", "a signed-in user's API tokens: per user, never stored"),
            ["/api/me/favourites"] = ("private, no-store", "a signed-in user's favourites: per user, never stored"),
            ["/spectra/submit"] = ("private, no-store", "a form with an antiforgery token, for a signed-in editor"),
            ["/moderation/spectra"] = ("private, no-store", "pending spectra, for staff only: never stored"),
            ["/staff/cache"] = ("private, no-store", "the cache dashboard: this instance's counters as they are now, for staff only"),
            ["/microscopes/new"] = ("private, no-store", "a form with an antiforgery token, for a signed-in editor"),
            ["/optical-configs/new"] = ("private, no-store", "a form with an antiforgery token, for a signed-in editor"),
            ["/microscopes/{id}/edit"] = ("private, no-store", "a form with an antiforgery token, for the microscope's owner or staff"),
            ["/optical-configs/{configId:int}/edit"] = ("private, no-store", "a form with an antiforgery token, for the microscope's owner or staff"),
            ["/{**path:file}"] = ("no-cache", "MapStaticAssets' fallback for files not in the build's manifest"),
            ["/api/docs/index.html"] = ("no-cache", "Swagger UI: documentation that changes with each deploy, revalidated"),
            ["/api/docs/v1/openapi.json"] = ("no-cache", "the OpenAPI document, generated from the running code: revalidated"),
        };

    /// <summary>
    /// URLs that middleware answers before endpoint routing (so <c>EndpointDataSource</c> cannot list them):
    /// the audit requests them too. Each must also be in <see cref="Uncached"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> OutsideRouting =
    [
        "/api/docs/index.html", // Swagger UI (UseSwaggerUI)
        "/api/docs/v1/openapi.json", // the OpenAPI document (UseSwagger)
    ];

    /// <summary>Why files served by MapStaticAssets are not held to the freshness classes.</summary>
    public const string StaticAssetsReason =
        "wwwroot files (MapStaticAssets) are outside the caching middleware: their validators and Cache-Control come from "
        + "the static web assets manifest (immutable for fingerprinted URLs when published, no-cache in a build)";
}
