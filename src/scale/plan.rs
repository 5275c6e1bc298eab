//! Running one SQL query and reporting what it read: the partition files
//! left in DataFusion's physical plan once the folder names have pruned the
//! others. The figures go into every answer, so pruning is seen, not assumed.

use std::collections::HashSet;
use std::sync::Arc;

use datafusion::arrow::array::RecordBatch;
use datafusion::common::ScalarValue;
use datafusion::datasource::physical_plan::FileScanConfig;
use datafusion::datasource::source::DataSourceExec;
use datafusion::physical_plan::{collect, ExecutionPlan};
use datafusion::prelude::SessionContext;

/// A query's rows and the number of files it scanned.
pub struct Ran {
    pub batches: Vec<RecordBatch>,
    pub files: usize,
}

/// Run `sql` with `$1`, `$2`, … bound to `params`.
pub async fn run(ctx: &SessionContext, sql: &str, params: Vec<ScalarValue>) -> Result<Ran, String> {
    let df = ctx.sql(sql).await.map_err(|e| e.to_string())?;
    let df = df.with_param_values(params).map_err(|e| e.to_string())?;
    let plan = df.create_physical_plan().await.map_err(|e| e.to_string())?;
    let batches = collect(plan.clone(), ctx.task_ctx())
        .await
        .map_err(|e| e.to_string())?;
    Ok(Ran {
        batches,
        files: files(&plan),
    })
}

/// The distinct files the plan's scans read (a large file may be split
/// into byte ranges read in parallel; it counts once).
pub fn files(plan: &Arc<dyn ExecutionPlan>) -> usize {
    let mut seen = HashSet::new();
    paths(plan, &mut seen);
    seen.len()
}

fn paths(plan: &Arc<dyn ExecutionPlan>, seen: &mut HashSet<String>) {
    let scan = plan
        .downcast_ref::<DataSourceExec>()
        .and_then(|d| d.data_source().downcast_ref::<FileScanConfig>());
    for group in scan.iter().flat_map(|c| &c.file_groups) {
        for f in group.files() {
            seen.insert(f.object_meta.location.to_string());
        }
    }
    plan.children().into_iter().for_each(|c| paths(c, seen));
}
