namespace FPbase.Web.Features.Proteins.Page;

/// <summary>
/// An amino-acid sequence as FPbase shows it: blocks of <see cref="BlockLength"/> residues, each line starting with
/// the number of its first residue. Rendered on the server (the page needs no script to read it); the copy button
/// copies the sequence itself, without the spaces and numbers.
/// </summary>
public static class SequenceBlocks
{
    public const int BlockLength = 10;

    public const int BlocksPerLine = 6;

    /// <summary>One line: the 1-based position of its first residue and its blocks.</summary>
    public sealed record Line(int Start, IReadOnlyList<string> Blocks);

    public static IReadOnlyList<Line> Of(string sequence)
    {
        var lines = new List<Line>();
        const int perLine = BlockLength * BlocksPerLine;
        for (var start = 0; start < sequence.Length; start += perLine)
        {
            var blocks = new List<string>(BlocksPerLine);
            for (var block = start; block < Math.Min(start + perLine, sequence.Length); block += BlockLength)
            {
                blocks.Add(sequence.Substring(block, Math.Min(BlockLength, sequence.Length - block)));
            }

            lines.Add(new Line(start + 1, blocks));
        }

        return lines;
    }
}
