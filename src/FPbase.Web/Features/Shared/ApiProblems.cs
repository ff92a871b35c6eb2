using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FPbase.Web.Features.Shared;

/// <summary>The 400 of a bad query: RFC 9457 validation problem details, errors keyed by parameter name.</summary>
internal static class ApiProblems
{
    public static ActionResult BadQuery(this ControllerBase controller, IReadOnlyDictionary<string, string[]> errors)
    {
        var modelState = new ModelStateDictionary();
        foreach (var (name, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(name, message);
            }
        }

        var names = string.Join(", ", errors.Keys.Order(StringComparer.Ordinal));
        return controller.ValidationProblem(detail: $"Invalid query parameter(s): {names}.", modelStateDictionary: modelState);
    }
}
