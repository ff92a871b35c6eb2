namespace FPbase.Web.Features.Accounts;

/// <summary>Body of <c>POST /api/tokens/</c>.</summary>
public sealed record CreateApiTokenRequest(string? Name);

/// <summary>A token as its owner sees it in lists: never the secret.</summary>
public sealed record ApiTokenItem(int Id, string Name, string Prefix, DateTime Created);

/// <summary>The answer to <c>POST /api/tokens/</c>: the only time <see cref="Token"/> is shown.</summary>
public sealed record CreatedApiToken(int Id, string Name, string Prefix, DateTime Created, string Token);
