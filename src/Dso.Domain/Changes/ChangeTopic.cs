namespace Dso.Domain.Changes;

/// <summary>What subscribers can watch.</summary>
public enum ChangeTopic
{
    /// <summary>An alert was raised.</summary>
    AlertRaised,

    /// <summary>A piece was created or changed (amounts, status, promise, due date...).</summary>
    PieceUpdated,

    /// <summary>An import job was queued, started or ended.</summary>
    ImportJobUpdated,
}
