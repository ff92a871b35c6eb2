namespace FPbase.Web.Features.Fret;

/// <summary>What a response says of the list it shows.</summary>
internal enum FretListState
{
    /// <summary>The list of the current versions.</summary>
    Current,

    /// <summary>The versions have moved on and their list is being computed: the list shown is an earlier one (or none yet).</summary>
    Computing,

    /// <summary>The versions cannot be read now (Redis unreachable): the list shown is the last one, which may be old.</summary>
    Unverified,
}
