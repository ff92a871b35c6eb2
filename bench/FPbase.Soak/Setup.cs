using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FPbase.Soak;

/// <summary>
/// What an operator does before a soak, over HTTP only: register an account (every new user is an Editor:
/// <c>Accounts:NewUsersAreEditors</c>), log in through the form, create an API token with <c>POST /api/tokens/</c>
/// (cookie + <c>X-CSRF-Token</c> from <c>/api/me/</c>), and pick the proteins to write.
/// </summary>
public static partial class Setup
{
    public static async Task WaitHealthyAsync(IReadOnlyList<Uri> instances, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        foreach (var instance in instances)
        {
            while (true)
            {
                try
                {
                    using var r = await http.GetAsync(new Uri(instance, "/healthz"));
                    if (r.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }

                if (DateTime.UtcNow > until)
                {
                    throw new InvalidOperationException($"{instance} is not healthy (/healthz) after {timeout.TotalSeconds:0} s");
                }

                await Task.Delay(250);
            }
        }
    }

    /// <summary>Registers a fresh editor and returns its user name and a bearer token for it.</summary>
    public static async Task<(string User, string Token)> CreateEditorTokenAsync(Uri site)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
        var user = "soak-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)) + "aA1!";

        var register = await FormTokenAsync(http, "/accounts/register/");
        using (var r = await http.PostAsync("/accounts/register/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Email"] = user + "@soak.invalid",
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = register,
        })))
        {
            if (r.StatusCode != HttpStatusCode.Redirect && r.StatusCode != HttpStatusCode.Found)
            {
                throw new InvalidOperationException($"registering {user}: {(int)r.StatusCode} {await Excerpt(r)}");
            }
        }

        // Log in through the form, as a person would (registering already signs in; this proves the login works too).
        var login = await FormTokenAsync(http, "/accounts/login/");
        using (var r = await http.PostAsync("/accounts/login/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = login,
        })))
        {
            if (r.StatusCode != HttpStatusCode.Redirect && r.StatusCode != HttpStatusCode.Found)
            {
                throw new InvalidOperationException($"logging in as {user}: {(int)r.StatusCode} {await Excerpt(r)}");
            }
        }

        var me = await http.GetFromJsonAsync<JsonElement>("/api/me/");
        if (!me.GetProperty("authenticated").GetBoolean())
        {
            throw new InvalidOperationException("after login, /api/me/ says not authenticated (Secure cookies over plain HTTP? set Accounts:SecureCookies=false)");
        }

        if (!me.GetProperty("canEdit").GetBoolean())
        {
            throw new InvalidOperationException($"{user} is not an editor (Accounts:NewUsersAreEditors is off? grant the Editor role)");
        }

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/tokens/") { Content = JsonContent.Create(new { name = "soak" }) };
        create.Headers.Add("X-CSRF-Token", me.GetProperty("csrfToken").GetString());
        using var created = await http.SendAsync(create);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/tokens/: {(int)created.StatusCode} {await Excerpt(created)}");
        }

        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()
            ?? throw new InvalidOperationException("POST /api/tokens/ answered no token");

        // The token alone must be an editor.
        using var bearer = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var meToken = await bearer.GetFromJsonAsync<JsonElement>("/api/me/");
        if (!meToken.GetProperty("canEdit").GetBoolean())
        {
            throw new InvalidOperationException("the API token cannot edit");
        }

        Console.WriteLine($"soak: editor {user} with an API token ({token[..Math.Min(12, token.Length)]}...)");
        return (user, token);
    }

    /// <summary>The first <paramref name="count"/> proteins of <c>/api/proteins/basic/</c> (so on all four surfaces).</summary>
    public static async Task<List<WatchedProtein>> PickProteinsAsync(Uri site, int count)
    {
        using var http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
        var list = await http.GetFromJsonAsync<JsonElement>("/api/proteins/basic/?format=json");
        var slugs = list.EnumerateArray().Select(e => e.GetProperty("slug").GetString()!).Order(StringComparer.Ordinal).Take(count).ToList();
        if (slugs.Count < count)
        {
            throw new InvalidOperationException($"the basic list has {slugs.Count} proteins, {count} wanted (seed more)");
        }

        var result = new List<WatchedProtein>();
        foreach (var slug in slugs)
        {
            var detail = await http.GetFromJsonAsync<JsonElement>($"/api/proteins/{slug}/");
            result.Add(new WatchedProtein(slug, detail.GetProperty("uuid").GetString()!));
        }

        return result;
    }

    private static async Task<string> FormTokenAsync(HttpClient http, string path)
    {
        var html = await http.GetStringAsync(path);
        var m = AntiforgeryInput().Match(html);
        if (!m.Success)
        {
            throw new InvalidOperationException("no antiforgery token in " + path);
        }

        return WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
    }

    private static async Task<string> Excerpt(HttpResponseMessage r)
    {
        var s = await r.Content.ReadAsStringAsync();
        return s.Length > 300 ? s[..300] : s;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryInput();
}
