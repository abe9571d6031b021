import FHIRDeid

/// Counts for the run report, gathered per batch by a worker and merged in output order.
typealias RunStats = BatchReport<AnonymizeJob.Counts>
