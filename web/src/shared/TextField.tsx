// A one-line text field of a form: its label, the form value it fills, how long it may be, and
// whether it must be filled in — then with the message every required field gives (“请填写…”).
import { Form, Input } from "antd";
import { mustFill } from "./formRules";

export function TextField({ label, name, maxLength, required = false }: { label: string; name: string; maxLength?: number; required?: boolean }) {
  return (
    <Form.Item label={label} name={name} rules={required ? mustFill(label) : undefined}>
      <Input maxLength={maxLength} />
    </Form.Item>
  );
}
