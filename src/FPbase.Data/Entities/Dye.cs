namespace FPbase.Data.Entities;

public class Dye : Product
{
    public int? PrimaryReferenceId { get; set; }

    public Reference? PrimaryReference { get; set; }

    public List<DyeState> States { get; set; } = [];
}
