import { Table } from "antd";
import { t } from "./strings";

export interface DimensionRow {
  id: string;
  label: string;
  weight: number;
  score: number;
  explanation: string;
}

/** An evaluation's dimensions with the one-line explanation of how each was computed. */
export function DimensionTable({ dimensions }: { dimensions: DimensionRow[] }) {
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={dimensions}
      columns={[
        { title: t.dimensions.dimension, dataIndex: "label" },
        { title: t.dimensions.score, render: (_, d) => `${d.score.toFixed(1)} / ${d.weight}` },
        { title: t.dimensions.explanation, dataIndex: "explanation" },
      ]}
    />
  );
}
