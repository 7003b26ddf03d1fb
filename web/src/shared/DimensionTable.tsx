import { Table } from "antd";

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
        { title: "维度", dataIndex: "label" },
        { title: "得分", render: (_, d) => `${d.score.toFixed(1)} / ${d.weight}` },
        { title: "计分说明", dataIndex: "explanation" },
      ]}
    />
  );
}
